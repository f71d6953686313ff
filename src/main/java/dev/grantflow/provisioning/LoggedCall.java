package dev.grantflow.provisioning;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A line of a request's provisioning log, as admins see it.
 */
public record LoggedCall(Instant at, String method, String path, int status, long durationMs,
                         @Nullable String errorCode, String message) {
}
