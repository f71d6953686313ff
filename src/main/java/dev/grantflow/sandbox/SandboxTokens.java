package dev.grantflow.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Issued access tokens with their expiry, and the refresh tokens that are currently valid.
 * Thread-safe. Tokens are random strings from {@link SecureRandom}.
 */
final class SandboxTokens {

    /** Random bytes per token, 384 bits, which encode to 64 URL-safe Base64 characters. */
    private static final int TOKEN_BYTES = 48;
    private static final int MAX_REMEMBERED_SECRETS = 10_000;

    private final String orgId15;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> accessTokenExpiries = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = new HashSet<>(); // guarded by this
    private final Set<String> issuedSecrets = ConcurrentHashMap.newKeySet();

    /** Creates the token state of an org whose 15-character id is {@code orgId15}. */
    SandboxTokens(String orgId15) {
        this.orgId15 = orgId15;
    }

    /** Creates an access token that starts with the org id and a "!", as Salesforce session ids do. */
    String issueAccessToken(Instant now, Duration lifetime) {
        accessTokenExpiries.values().removeIf(expiry -> !now.isBefore(expiry));
        String token = orgId15 + "!" + randomToken();
        accessTokenExpiries.put(token, now.plus(lifetime));
        remember(token);
        return token;
    }

    /** Returns every access and refresh token issued so far, up to a bound, so tests can scan for leaks. */
    Set<String> issuedSecrets() {
        return Set.copyOf(issuedSecrets);
    }

    private void remember(String secret) {
        if (issuedSecrets.size() < MAX_REMEMBERED_SECRETS) {
            issuedSecrets.add(secret);
        }
    }

    boolean isLiveAccessToken(String token, Instant now) {
        Instant expiry = accessTokenExpiries.get(token);
        return expiry != null && now.isBefore(expiry);
    }

    void expireAccessTokens() {
        accessTokenExpiries.clear();
    }

    /**
     * Exchanges a refresh token for a new access token. When {@code rotate} is true, the presented refresh
     * token stops working and the result carries its replacement. Returns null when the token is not valid.
     */
    @Nullable SandboxIssuedToken refresh(String refreshToken, boolean rotate, Instant now, Duration lifetime) {
        String nextRefreshToken = null;
        if (rotate) {
            nextRefreshToken = rotateRefreshToken(refreshToken);
            if (nextRefreshToken == null) {
                return null;
            }
        } else if (!isValidRefreshToken(refreshToken)) {
            return null;
        }
        return new SandboxIssuedToken(issueAccessToken(now, lifetime), nextRefreshToken, now);
    }

    private synchronized boolean isValidRefreshToken(String token) {
        return refreshTokens.contains(token);
    }

    /**
     * Replaces {@code presented} with a new refresh token in one step, so two concurrent refreshes with the
     * same token cannot both succeed. Returns the new token, or null when {@code presented} is not valid.
     */
    private synchronized @Nullable String rotateRefreshToken(String presented) {
        if (!refreshTokens.remove(presented)) {
            return null;
        }
        String next = randomToken();
        refreshTokens.add(next);
        remember(next);
        return next;
    }

    /** Creates a new refresh token and adds it to the valid ones, as consenting to a client does. */
    synchronized String issueRefreshToken() {
        String token = randomToken();
        refreshTokens.add(token);
        return token;
    }

    /** Makes {@code token} the only valid refresh token. */
    synchronized void replaceRefreshTokens(String token) {
        refreshTokens.clear();
        refreshTokens.add(token);
    }

    synchronized void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    private String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
