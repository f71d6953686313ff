package dev.grantflow.provisioning;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Storage of OAuth 2.0 tokens per app. Implementations must be safe for concurrent use.
 */
public interface TokenStore {

    /** Returns the last access token stored for the app, if any. */
    Optional<CachedAccessToken> accessToken(String appKey);

    /**
     * Returns the current refresh token of the app.
     *
     * @throws ProvisioningException of kind AUTHORIZATION when the app has no refresh token
     */
    String refreshToken(String appKey);

    /**
     * Stores the result of a refresh. When {@code rotatedRefreshToken} is not {@code null}, the token endpoint
     * has replaced the refresh token and invalidated the old one, so the new one must be durably stored before
     * this method returns.
     */
    void saveRefreshResult(String appKey, CachedAccessToken token, @Nullable String rotatedRefreshToken);
}
