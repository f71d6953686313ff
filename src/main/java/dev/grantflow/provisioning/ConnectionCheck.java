package dev.grantflow.provisioning;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One step of a connection test.
 *
 * @param name     what the step does, for example "Read the service provider configuration"
 * @param result   whether the step passed, failed, or was skipped after an earlier failure
 * @param duration time the step took, zero when it was skipped
 * @param detail   what the step found, or why it failed; null when it was skipped
 * @param fix      what the admin should change, only when the step failed
 */
public record ConnectionCheck(String name, Result result, Duration duration, @Nullable String detail,
                              @Nullable String fix) {

    /** Outcome of a step. */
    public enum Result {
        PASSED,
        FAILED,
        /** Not run, because an earlier step failed. */
        SKIPPED
    }

    static ConnectionCheck skipped(String name) {
        return new ConnectionCheck(name, Result.SKIPPED, Duration.ZERO, null, null);
    }
}
