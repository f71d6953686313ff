package dev.grantflow.request;

import java.util.List;

/**
 * Published when held requests may continue, because an admin gave their application a working connection.
 */
public record ProvisioningResumeRequested(long applicationId, List<Long> requestIds) {
}
