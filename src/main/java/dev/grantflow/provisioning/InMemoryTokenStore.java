package dev.grantflow.provisioning;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * {@link TokenStore} that keeps tokens in memory, for tests and local runs. Tokens are lost on restart, and a
 * rotated refresh token then cannot be recovered, so production needs a persistent store.
 */
public class InMemoryTokenStore implements TokenStore {

    private final Map<String, CachedAccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    /** Stores the refresh token that an administrator obtained when connecting the app. */
    public void putRefreshToken(String appKey, String refreshToken) {
        refreshTokens.put(appKey, refreshToken);
    }

    /** Stores an access token, for example one that a test wants to be rejected. */
    public void putAccessToken(String appKey, CachedAccessToken token) {
        accessTokens.put(appKey, token);
    }

    @Override
    public Optional<CachedAccessToken> accessToken(String appKey) {
        return Optional.ofNullable(accessTokens.get(appKey));
    }

    @Override
    public String refreshToken(String appKey) {
        String token = refreshTokens.get(appKey);
        if (token == null) {
            throw new ProvisioningException(ProvisioningException.Kind.AUTHORIZATION,
                    "App " + appKey + " has no OAuth refresh token. Authorize Grantflow for the app again "
                            + "to obtain one.");
        }
        return token;
    }

    @Override
    public void saveRefreshResult(String appKey, CachedAccessToken token, @Nullable String rotatedRefreshToken) {
        if (rotatedRefreshToken != null) {
            refreshTokens.put(appKey, rotatedRefreshToken);
        }
        accessTokens.put(appKey, token);
    }
}
