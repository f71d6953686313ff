package dev.grantflow.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.MultiValueMap;

/** Client id and secret of a token request. Either is null when the request does not contain it. */
record SandboxClientCredentials(@Nullable String id, @Nullable String secret) {

    private static final Logger log = LoggerFactory.getLogger(SandboxClientCredentials.class);

    /**
     * Reads HTTP Basic credentials when present, else the form parameters. Basic credentials are
     * form-urlencoded before Base64 (RFC 6749, section 2.3.1), so both parts are URL-decoded here.
     */
    static SandboxClientCredentials from(@Nullable String authorization, MultiValueMap<String, String> form) {
        String prefix = "Basic ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return new SandboxClientCredentials(form.getFirst("client_id"), form.getFirst("client_secret"));
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(authorization.substring(prefix.length()).trim());
            String pair = new String(decoded, StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return new SandboxClientCredentials(URLDecoder.decode(pair, StandardCharsets.UTF_8), null);
            }
            return new SandboxClientCredentials(
                    URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            log.debug("Ignored malformed HTTP Basic credentials in sandbox token request");
            return new SandboxClientCredentials(null, null);
        }
    }
}
