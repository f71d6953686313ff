package dev.grantflow.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes that the sandbox's consent page issued and the token endpoint has not redeemed yet.
 * A code works once and for {@link #LIFETIME}. Thread-safe.
 */
final class SandboxAuthorizationCodes {

    /** Time from issue until a code expires. Salesforce allows 15 minutes; the sandbox keeps codes shorter. */
    static final Duration LIFETIME = Duration.ofMinutes(2);

    private static final int CODE_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    /**
     * Authorization that an admin gave on the consent page.
     *
     * @param codeChallenge PKCE code challenge, the Base64url SHA-256 of the client's code verifier
     * @param scope         space-separated scopes that the client requested
     */
    record Grant(String clientId, String redirectUri, String codeChallenge, String scope, Instant expiresAt) {

        /** Tells whether the client asked for a refresh token, which Salesforce issues only for these scopes. */
        boolean includesRefreshToken() {
            return Arrays.asList(scope.split(" ")).stream()
                    .anyMatch(value -> value.equals("refresh_token") || value.equals("offline_access"));
        }
    }

    /** Issues a new random code for the grant, dropping expired codes first. */
    String issue(String clientId, String redirectUri, String codeChallenge, String scope, Instant now) {
        codes.values().removeIf(grant -> !now.isBefore(grant.expiresAt()));
        byte[] bytes = new byte[CODE_BYTES];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(code, new Grant(clientId, redirectUri, codeChallenge, scope, now.plus(LIFETIME)));
        return code;
    }

    /** Removes the code and returns its grant, or empty when the code is unknown, used or expired. */
    Optional<Grant> redeem(String code, Instant now) {
        return Optional.ofNullable(codes.remove(code)).filter(grant -> now.isBefore(grant.expiresAt()));
    }

    void clear() {
        codes.clear();
    }

    /** Tells whether the verifier hashes to the challenge with PKCE's S256 method (RFC 7636, section 4.6). */
    static boolean verifierMatches(String verifier, String challenge) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            byte[] expected = Base64.getUrlEncoder().withoutPadding().encodeToString(hash).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide SHA-256, so this means a broken JDK.
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
