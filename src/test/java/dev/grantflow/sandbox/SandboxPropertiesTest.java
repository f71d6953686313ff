package dev.grantflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxPropertiesTest {

    @Test
    @SuppressWarnings("DataFlowIssue") // null is what the binder passes for unset properties
    void unsetPropertiesGetDefaults() {
        SandboxProperties properties = new SandboxProperties(false, null, null, null, null, false, null);

        assertThat(properties.clientId()).isEqualTo("grantflow-sandbox-client");
        assertThat(properties.clientSecret()).isEqualTo("sandbox-secret");
        assertThat(properties.refreshToken()).isEqualTo("sandbox-refresh-token");
        assertThat(properties.accessTokenLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(properties.takenUserNames()).isEmpty();
    }

    @Test
    void toStringMasksSecretAndRefreshToken() {
        SandboxProperties properties = new SandboxProperties(
                true, "client", "very-secret", "refresh-value", Duration.ofMinutes(5), true, List.of("x@example.com"));

        assertThat(properties.toString()).doesNotContain("very-secret");
        assertThat(properties.toString()).doesNotContain("refresh-value");
        assertThat(properties.toString()).contains("clientId=client");
    }
}
