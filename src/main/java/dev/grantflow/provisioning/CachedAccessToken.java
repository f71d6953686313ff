package dev.grantflow.provisioning;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Access token with its expiry. {@code expiresAt} is {@code null} when the token endpoint sent no
 * {@code expires_in}, which is what Salesforce does. Such a token is used until an app rejects it.
 */
public record CachedAccessToken(String value, @Nullable Instant expiresAt) {

    public CachedAccessToken {
        Objects.requireNonNull(value, "value");
    }

    /** Whether the token is known to have expired at {@code now}. A token with unknown expiry never has. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "CachedAccessToken[value=" + Redactor.MASK + ", expiresAt=" + expiresAt + "]";
    }
}
