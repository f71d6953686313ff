package dev.grantflow.sandbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Result of a successful refresh.
 *
 * @param accessToken new access token
 * @param refreshToken replacement refresh token when rotation is on, otherwise null
 * @param issuedAt time the access token was issued
 */
record SandboxIssuedToken(String accessToken, @Nullable String refreshToken, Instant issuedAt) {
}
