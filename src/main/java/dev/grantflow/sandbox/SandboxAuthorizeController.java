package dev.grantflow.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Authorization endpoint of the sandbox org, shaped like Salesforce's {@code /services/oauth2/authorize}: a
 * consent page with Allow and Deny that returns the browser to the client with a code or
 * {@code error=access_denied}. It requires PKCE with S256, as a connected app with "Require Proof Key for
 * Code Exchange" does, and the sandbox's own client id.
 *
 * <p>The redirect URI must use a loopback host, such as localhost, or the host that reached the sandbox,
 * because the sandbox has no list of registered callback URLs. An unknown client or redirect URI gets an
 * error page instead of a redirect, as RFC 6749 section 4.1.2.1 requires.
 */
@RestController
@ConditionalOnProperty(prefix = "grantflow.sandbox", name = "enabled", havingValue = "true")
public class SandboxAuthorizeController {

    /** Path of the authorization endpoint, relative to the servlet context. */
    public static final String AUTHORIZE_PATH = "/sandbox/salesforce/services/oauth2/authorize";

    private static final Logger log = LoggerFactory.getLogger(SandboxAuthorizeController.class);
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final String[] FORWARDED = {"response_type", "client_id", "redirect_uri", "state", "scope",
            "code_challenge", "code_challenge_method"};

    private final SandboxStore store;

    SandboxAuthorizeController(SandboxStore store) {
        this.store = store;
    }

    /** Shows the consent page for a valid authorization request. */
    @GetMapping(AUTHORIZE_PATH)
    ResponseEntity<String> consent(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
        return checked(parameters, request, valid -> html(HttpStatus.OK, consentPage(parameters, request)));
    }

    /** Handles Allow or Deny on the consent page, checking the forwarded request again. */
    @PostMapping(path = AUTHORIZE_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> decide(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
        return checked(parameters, request, valid -> {
            if (!"allow".equals(parameters.getFirst("decision"))) {
                log.info("Sandbox consent denied clientId={}", valid.clientId());
                return redirect(valid, Map.of("error", "access_denied", "error_description", "end-user denied authorization"));
            }
            String code = store.authorizationCodes().issue(valid.clientId(), valid.redirectUri(), valid.codeChallenge(),
                    valid.scope(), store.now());
            log.info("Sandbox consent allowed, issued an authorization code clientId={}", valid.clientId());
            return redirect(valid, Map.of("code", code));
        });
    }

    private ResponseEntity<String> checked(MultiValueMap<String, String> parameters, HttpServletRequest request,
                                           Function<AuthorizationRequest, ResponseEntity<String>> onValid) {
        String clientId = parameters.getFirst("client_id");
        if (clientId == null || !clientId.equals(store.properties().clientId())) {
            return errorPage("invalid_client_id", "client identifier invalid");
        }
        String redirectUri = parameters.getFirst("redirect_uri");
        if (redirectUri == null || !isAllowedRedirect(redirectUri, request)) {
            return errorPage("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        String scope = parameters.getFirst("scope");
        AuthorizationRequest valid = new AuthorizationRequest(clientId, redirectUri, parameters.getFirst("state"),
                Objects.requireNonNullElse(parameters.getFirst("code_challenge"), ""), scope == null ? "" : scope);
        if (!"code".equals(parameters.getFirst("response_type"))) {
            return redirect(valid, Map.of("error", "unsupported_response_type", "error_description", "response type not supported"));
        }
        if (valid.codeChallenge().isEmpty() || !"S256".equals(parameters.getFirst("code_challenge_method"))) {
            return redirect(valid, Map.of("error", "invalid_request",
                    "error_description", "code_challenge with code_challenge_method S256 is required"));
        }
        return onValid.apply(valid);
    }

    private static boolean isAllowedRedirect(String redirectUri, HttpServletRequest request) {
        try {
            URI uri = new URI(redirectUri);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            String host = uri.getHost();
            return (scheme.equals("http") || scheme.equals("https")) && host != null && uri.getRawFragment() == null
                    && (LOOPBACK_HOSTS.contains(host) || host.equalsIgnoreCase(request.getServerName()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String consentPage(MultiValueMap<String, String> parameters, HttpServletRequest request) {
        StringBuilder hidden = new StringBuilder();
        for (String name : FORWARDED) {
            String value = parameters.getFirst(name);
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(HtmlUtils.htmlEscape(value)).append("\">\n");
            }
        }
        String client = HtmlUtils.htmlEscape(String.valueOf(parameters.getFirst("client_id")));
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Allow access? | Sandbox org</title></head>
                <body>
                <h1>Allow access?</h1>
                <p>The connected app <strong>%s</strong> asks to use the sandbox org's API for you (scopes: %s).</p>
                <form method="post" action="%s">
                %s<button type="submit" name="decision" value="allow">Allow</button>
                <button type="submit" name="decision" value="deny">Deny</button>
                </form>
                </body></html>
                """.formatted(client, HtmlUtils.htmlEscape(String.valueOf(parameters.getFirst("scope"))),
                        HtmlUtils.htmlEscape(request.getContextPath() + AUTHORIZE_PATH), hidden);
    }

    private static ResponseEntity<String> errorPage(String error, String description) {
        log.info("Rejected sandbox authorization request error={}", error);
        String body = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Error | Sandbox org</title></head>
                <body><h1>Authorization failed</h1><p>error=%s&amp;error_description=%s</p></body></html>
                """.formatted(error, HtmlUtils.htmlEscape(description));
        return html(HttpStatus.BAD_REQUEST, body);
    }

    private static ResponseEntity<String> redirect(AuthorizationRequest valid, Map<String, String> parameters) {
        Map<String, @Nullable String> query = new LinkedHashMap<>(parameters);
        query.put("state", valid.state());
        StringBuilder location = new StringBuilder(valid.redirectUri());
        char separator = valid.redirectUri().contains("?") ? '&' : '?';
        for (Map.Entry<String, @Nullable String> entry : query.entrySet()) {
            if (entry.getValue() != null) {
                location.append(separator).append(entry.getKey()).append('=')
                        .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location.toString())
                .cacheControl(CacheControl.noStore()).build();
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(body);
    }

    /** An authorization request whose client and redirect URI are valid. */
    private record AuthorizationRequest(String clientId, String redirectUri, @Nullable String state,
                                        String codeChallenge, String scope) {
    }
}
