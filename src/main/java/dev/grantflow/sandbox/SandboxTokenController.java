package dev.grantflow.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth 2.0 token endpoint of the sandbox org, shaped like Salesforce's {@code /services/oauth2/token}.
 * It supports the refresh_token grant and the authorization_code grant of {@link SandboxAuthorizeController},
 * and like Salesforce it sends no {@code expires_in}.
 */
@RestController
@ConditionalOnProperty(prefix = "grantflow.sandbox", name = "enabled", havingValue = "true")
public class SandboxTokenController {

    /** Path of the token endpoint, relative to the servlet context. */
    public static final String TOKEN_PATH = "/sandbox/salesforce/services/oauth2/token";

    private static final String REFRESH_TOKEN = "refresh_token";
    private static final String AUTHORIZATION_CODE = "authorization_code";

    private static final Logger log = LoggerFactory.getLogger(SandboxTokenController.class);

    private final SandboxStore store;
    private final JsonMapper mapper;
    private final SandboxFaultInjector faults;

    SandboxTokenController(SandboxStore store, JsonMapper mapper) {
        this.store = store;
        this.mapper = mapper;
        this.faults = new SandboxFaultInjector(store);
    }

    /**
     * Exchanges a refresh token or an authorization code for tokens. Client credentials come from HTTP Basic,
     * or else from the client_id and client_secret parameters, which Salesforce documents.
     */
    @PostMapping(path = TOKEN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> token(
            @RequestParam MultiValueMap<String, String> form,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        return faults.handle(SandboxOperation.TOKEN, () -> grant(form, authorization, request));
    }

    private ResponseEntity<byte[]> grant(
            MultiValueMap<String, String> form, @Nullable String authorization, HttpServletRequest request) {
        String grantType = form.getFirst("grant_type");
        if (!REFRESH_TOKEN.equals(grantType) && !AUTHORIZATION_CODE.equals(grantType)) {
            return error("unsupported_grant_type", "grant type not supported");
        }
        SandboxClientCredentials client = SandboxClientCredentials.from(authorization, form);
        SandboxProperties properties = store.properties();
        if (!constantTimeEquals(client.id(), properties.clientId())) {
            return error("invalid_client_id", "client identifier invalid");
        }
        if (!constantTimeEquals(client.secret(), properties.clientSecret())) {
            return error("invalid_client", "invalid client credentials");
        }
        return REFRESH_TOKEN.equals(grantType) ? refresh(form, request) : exchangeCode(form, request);
    }

    private ResponseEntity<byte[]> refresh(MultiValueMap<String, String> form, HttpServletRequest request) {
        String refreshToken = form.getFirst("refresh_token");
        Optional<SandboxIssuedToken> issued = refreshToken == null ? Optional.empty() : store.refresh(refreshToken);
        if (issued.isEmpty()) {
            return error("invalid_grant", "expired access/refresh token");
        }
        log.info("Refreshed sandbox access token clientId={} rotated={}",
                store.properties().clientId(), issued.get().refreshToken() != null);
        return json(HttpStatus.OK, tokenResponse(issued.get(), instanceUrl(request)));
    }

    /** Redeems a code once, checking that redirect_uri repeats the authorization request's and the PKCE verifier. */
    private ResponseEntity<byte[]> exchangeCode(MultiValueMap<String, String> form, HttpServletRequest request) {
        String code = form.getFirst("code");
        Optional<SandboxAuthorizationCodes.Grant> grant = code == null ? Optional.empty()
                : store.authorizationCodes().redeem(code, store.now());
        if (grant.isEmpty()) {
            return error("invalid_grant", "invalid authorization code");
        }
        if (!grant.get().redirectUri().equals(form.getFirst("redirect_uri"))) {
            // Salesforce names this error redirect_uri_mismatch, where RFC 6749 section 5.2 uses invalid_grant.
            return error("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        String verifier = form.getFirst("code_verifier");
        if (verifier == null || !SandboxAuthorizationCodes.verifierMatches(verifier, grant.get().codeChallenge())) {
            return error("invalid_grant", "invalid code verifier");
        }
        SandboxIssuedToken issued = store.issueForCode(grant.get().includesRefreshToken());
        log.info("Exchanged sandbox authorization code clientId={} refreshTokenIssued={}",
                store.properties().clientId(), issued.refreshToken() != null);
        return json(HttpStatus.OK, tokenResponse(issued, instanceUrl(request)));
    }

    private Map<String, String> tokenResponse(SandboxIssuedToken issued, String instanceUrl) {
        String id = instanceUrl + "/id/" + SandboxStore.ORG_ID + "/" + SandboxStore.API_USER_ID;
        String issuedAt = String.valueOf(issued.issuedAt().toEpochMilli());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        body.put("instance_url", instanceUrl);
        body.put("id", id);
        body.put("issued_at", issuedAt);
        body.put("signature", sign(id + issuedAt, store.properties().clientSecret()));
        body.put("token_type", "Bearer");
        body.put("scope", "api refresh_token");
        return body;
    }

    private ResponseEntity<byte[]> error(String error, String description) {
        log.info("Rejected sandbox token request error={}", error);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return json(HttpStatus.BAD_REQUEST, body);
    }

    private ResponseEntity<byte[]> json(HttpStatus status, Map<String, String> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsBytes(body));
    }

    /** Returns scheme, host and port of the request, which clients use as the org's instance URL. */
    private static String instanceUrl(HttpServletRequest request) {
        return UriComponentsBuilder.newInstance()
                .scheme(request.getScheme())
                .host(request.getServerName())
                .port(request.getServerPort())
                .build()
                .toUriString();
    }

    /** Returns the Base64 HMAC-SHA256 of {@code data} keyed with {@code secret}, as Salesforce signs id and issued_at. */
    static String sign(String data, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java runtime must provide HmacSHA256, so this means a broken JDK.
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    private static boolean constantTimeEquals(@Nullable String presented, String expected) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
