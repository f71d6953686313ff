package dev.grantflow.provisioning;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP calls to SCIM apps and of the retry policy that callers apply to transient failures.
 * Spring Boot passes {@code null} for every property that is not set, and the compact constructors replace
 * it with the default.
 *
 * @param connectTimeout           maximum time to open a connection to an app or token endpoint
 * @param readTimeout              maximum time to wait for a response after sending a request
 * @param maxResponseSize          maximum response body that Grantflow reads, beyond which the call fails as
 *                                 transient
 * @param maxConcurrentCallsPerApp maximum concurrent calls per app, because Salesforce limits concurrent
 *                                 long-running requests per org
 * @param retry                    backoff between attempts of a call that failed with a transient error
 */
@ConfigurationProperties("grantflow.provisioning")
public record ProvisioningProperties(
        Duration connectTimeout,
        Duration readTimeout,
        DataSize maxResponseSize,
        Integer maxConcurrentCallsPerApp,
        Retry retry) {

    public ProvisioningProperties {
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(30), "read-timeout");
        maxResponseSize = maxResponseSize == null ? DataSize.ofMegabytes(1) : maxResponseSize;
        maxConcurrentCallsPerApp = maxConcurrentCallsPerApp == null ? 10 : maxConcurrentCallsPerApp;
        retry = retry == null ? Retry.defaults() : retry;
        if (maxResponseSize.toBytes() <= 0) {
            throw invalid("max-response-size", maxResponseSize, "a positive size such as 1MB");
        }
        if (maxConcurrentCallsPerApp < 1) {
            throw invalid("max-concurrent-calls-per-app", maxConcurrentCallsPerApp, "1 or more");
        }
    }

    /** Returns the settings with every property at its default. */
    public static ProvisioningProperties defaults() {
        return new ProvisioningProperties(null, null, null, null, null);
    }

    /**
     * Retry policy for transient failures: exponential backoff with random jitter, capped at {@code maxBackoff}.
     *
     * @param maxAttempts    maximum attempts of one call, the first attempt included
     * @param initialBackoff wait before the second attempt
     * @param maxBackoff     maximum wait between two attempts, jitter included
     * @param multiplier     factor applied to the wait after each further attempt
     * @param jitter         maximum random deviation of each wait as a fraction, 0.2 meaning ±20%
     */
    public record Retry(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Double multiplier,
            Double jitter) {

        public Retry {
            maxAttempts = maxAttempts == null ? 5 : maxAttempts;
            initialBackoff = positive(initialBackoff, Duration.ofSeconds(2), "retry.initial-backoff");
            maxBackoff = positive(maxBackoff, Duration.ofMinutes(5), "retry.max-backoff");
            multiplier = multiplier == null ? 2.0 : multiplier;
            jitter = jitter == null ? 0.2 : jitter;
            if (maxAttempts < 1) {
                throw invalid("retry.max-attempts", maxAttempts, "1 or more");
            }
            if (multiplier < 1.0) {
                throw invalid("retry.multiplier", multiplier, "1.0 or more");
            }
            if (jitter < 0.0 || jitter >= 1.0) {
                throw invalid("retry.jitter", jitter, "a fraction from 0.0 up to but excluding 1.0");
            }
        }

        /** Returns the retry policy with every property at its default. */
        public static Retry defaults() {
            return new Retry(null, null, null, null, null);
        }

        /**
         * Computes the wait before the given attempt, counting the first attempt as 1. The first attempt has
         * no wait. Attempt n waits {@code initialBackoff * multiplier^(n-2)}, varied by up to ±{@code jitter}
         * and capped at {@code maxBackoff}.
         */
        public Duration backoffBeforeAttempt(int attempt, RandomGenerator random) {
            if (attempt <= 1) {
                return Duration.ZERO;
            }
            double exponential = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 2.0);
            double deviation = jitter * (2.0 * random.nextDouble() - 1.0);
            double withJitter = exponential * (1.0 + deviation);
            double capped = Math.min(withJitter, maxBackoff.toMillis());
            return Duration.ofMillis(Math.round(capped));
        }
    }

    private static Duration positive(Duration value, Duration fallback, String property) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw invalid(property, value, "a positive duration such as " + fallback);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String property, Object value, String expected) {
        return new IllegalArgumentException("grantflow.provisioning." + property + " is " + value
                + ", which is invalid. Set it to " + expected + ".");
    }
}
