package dev.grantflow.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
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
 * It supports only the refresh_token grant, and like Salesforce it sends no {@code expires_in}.
 */
@RestController
@ConditionalOnProperty(prefix = "grantflow.sandbox", name = "enabled", havingValue = "true")
public class SandboxTokenController {

    /** Path of the token endpoint, relative to the servlet context. */
    public static final String TOKEN_PATH = "/sandbox/salesforce/services/oauth2/token";

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
     * Exchanges a refresh token for an access token. Client credentials come from HTTP Basic, which
     * Spring Security's client sends by default, or else from the client_id and client_secret parameters.
     */
    @PostMapping(path = TOKEN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> token(
            @RequestParam MultiValueMap<String, String> form,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        return faults.handle(SandboxOperation.TOKEN, () -> refresh(form, authorization, request));
    }

    private ResponseEntity<byte[]> refresh(
            MultiValueMap<String, String> form, @Nullable String authorization, HttpServletRequest request) {
        if (!"refresh_token".equals(form.getFirst("grant_type"))) {
            return error("unsupported_grant_type", "grant type not supported");
        }
        ClientCredentials client = ClientCredentials.from(authorization, form);
        SandboxProperties properties = store.properties();
        if (!constantTimeEquals(client.id(), properties.clientId())) {
            return error("invalid_client_id", "client identifier invalid");
        }
        if (!constantTimeEquals(client.secret(), properties.clientSecret())) {
            return error("invalid_client", "invalid client credentials");
        }
        String refreshToken = form.getFirst("refresh_token");
        Optional<SandboxIssuedToken> issued = refreshToken == null ? Optional.empty() : store.refresh(refreshToken);
        if (issued.isEmpty()) {
            return error("invalid_grant", "expired access/refresh token");
        }
        log.info("Refreshed sandbox access token clientId={} rotated={}",
                properties.clientId(), issued.get().refreshToken() != null);
        return json(HttpStatus.OK, tokenResponse(issued.get(), instanceUrl(request)));
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

    /** Client id and secret of a token request. Either is null when the request does not contain it. */
    private record ClientCredentials(@Nullable String id, @Nullable String secret) {

        /**
         * Reads HTTP Basic credentials when present, else the form parameters. Basic credentials are
         * form-urlencoded before Base64 (RFC 6749, section 2.3.1), so both parts are URL-decoded here.
         */
        static ClientCredentials from(@Nullable String authorization, MultiValueMap<String, String> form) {
            String prefix = "Basic ";
            if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return new ClientCredentials(form.getFirst("client_id"), form.getFirst("client_secret"));
            }
            try {
                byte[] decoded = Base64.getDecoder().decode(authorization.substring(prefix.length()).trim());
                String pair = new String(decoded, StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon < 0) {
                    return new ClientCredentials(URLDecoder.decode(pair, StandardCharsets.UTF_8), null);
                }
                return new ClientCredentials(
                        URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                log.debug("Ignored malformed HTTP Basic credentials in sandbox token request");
                return new ClientCredentials(null, null);
            }
        }
    }
}
