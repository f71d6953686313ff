package dev.grantflow.request;

/**
 * Published when an admin asks to run a failed provisioning again.
 */
public record ProvisioningRetryRequested(long requestId, long actorId) {
}
