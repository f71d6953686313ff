package dev.grantflow.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.grantflow.provisioning.ProvisioningProperties.Retry;

class ProvisioningPropertiesTest {

    private final Retry retry = Retry.defaults();

    @Test
    void defaultsApplyToUnsetProperties() {
        ProvisioningProperties properties = ProvisioningProperties.defaults();

        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(properties.maxConcurrentCallsPerApp()).isEqualTo(10);
        assertThat(properties.retry().maxAttempts()).isEqualTo(5);
        assertThat(properties.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.retry().maxBackoff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.retry().multiplier()).isEqualTo(2.0);
        assertThat(properties.retry().jitter()).isEqualTo(0.2);
    }

    @Test
    void firstAttemptHasNoBackoff() {
        assertThat(retry.backoffBeforeAttempt(1, constant(0.9))).isEqualTo(Duration.ZERO);
    }

    @Test
    void backoffGrowsExponentiallyWithoutJitterAtMidpoint() {
        RandomGenerator midpoint = constant(0.5);

        assertThat(retry.backoffBeforeAttempt(2, midpoint)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.backoffBeforeAttempt(3, midpoint)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retry.backoffBeforeAttempt(5, midpoint)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void jitterVariesBackoffByAtMostTwentyPercent() {
        assertThat(retry.backoffBeforeAttempt(2, constant(0.0))).isEqualTo(Duration.ofMillis(1600));
        assertThat(retry.backoffBeforeAttempt(2, constant(Math.nextDown(1.0)))).isEqualTo(Duration.ofMillis(2400));
    }

    @Test
    void backoffIsCappedAtMaxBackoffIncludingJitter() {
        RandomGenerator highest = constant(Math.nextDown(1.0));

        assertThat(retry.backoffBeforeAttempt(9, highest)).isEqualTo(Duration.ofMinutes(5));
        assertThat(retry.backoffBeforeAttempt(500, highest)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void invalidJitterIsRejectedWithPropertyName() {
        assertThatThrownBy(() -> new Retry(5, null, null, null, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grantflow.provisioning.retry.jitter is 1.5");
    }

    @Test
    void zeroConcurrentCallsIsRejected() {
        assertThatThrownBy(() -> new ProvisioningProperties(null, null, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-concurrent-calls-per-app");
    }

    private static RandomGenerator constant(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is scripted");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
