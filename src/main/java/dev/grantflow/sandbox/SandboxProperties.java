package dev.grantflow.sandbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sandbox Salesforce org. The binder passes null for every non-boolean property that is
 * not set, and the compact constructor replaces those nulls with the defaults.
 *
 * @param enabled whether the sandbox endpoints and beans are active (default false)
 * @param clientId OAuth client id that the token endpoint accepts (default "grantflow-sandbox-client")
 * @param clientSecret OAuth client secret for {@code clientId} (default "sandbox-secret")
 * @param refreshToken refresh token that is valid at startup and after a reset (default "sandbox-refresh-token")
 * @param accessTokenLifetime time from issue until an access token expires (default 2 hours)
 * @param rotateRefreshTokens whether each refresh returns a new refresh token and revokes the old one (default false)
 * @param takenUserNames userNames that belong to another org, so creating them fails with 409 (default empty)
 */
@ConfigurationProperties("grantflow.sandbox")
@ConditionalOnProperty(prefix = "grantflow.sandbox", name = "enabled", havingValue = "true")
@Validated
public record SandboxProperties(
        boolean enabled,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @NotBlank String refreshToken,
        @NotNull @DurationMin(seconds = 1) Duration accessTokenLifetime,
        boolean rotateRefreshTokens,
        @NotNull List<@NotBlank String> takenUserNames) {

    static final String DEFAULT_CLIENT_ID = "grantflow-sandbox-client";
    static final String DEFAULT_CLIENT_SECRET = "sandbox-secret";
    static final String DEFAULT_REFRESH_TOKEN = "sandbox-refresh-token";
    static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofHours(2);

    public SandboxProperties {
        clientId = Objects.requireNonNullElse(clientId, DEFAULT_CLIENT_ID);
        clientSecret = Objects.requireNonNullElse(clientSecret, DEFAULT_CLIENT_SECRET);
        refreshToken = Objects.requireNonNullElse(refreshToken, DEFAULT_REFRESH_TOKEN);
        accessTokenLifetime = Objects.requireNonNullElse(accessTokenLifetime, DEFAULT_ACCESS_TOKEN_LIFETIME);
        takenUserNames = List.copyOf(Objects.requireNonNullElse(takenUserNames, List.of()));
    }

    /** Returns the settings with the client secret and refresh token masked, so they can be logged. */
    @Override
    public String toString() {
        return "SandboxProperties[enabled=" + enabled
                + ", clientId=" + clientId
                + ", clientSecret=***, refreshToken=***"
                + ", accessTokenLifetime=" + accessTokenLifetime
                + ", rotateRefreshTokens=" + rotateRefreshTokens
                + ", takenUserNames=" + takenUserNames + "]";
    }
}
