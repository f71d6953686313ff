package dev.grantflow.provisioning;

import java.time.Instant;

/**
 * An application whose connection an admin must re-authorize before its held requests continue.
 */
public record ConnectionProblem(long applicationId, String applicationName, String detail, Instant since) {
}
