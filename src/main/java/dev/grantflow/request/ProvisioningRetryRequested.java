package dev.grantflow.request;

/**
 * Event of an admin requesting that a failed provisioning run again.
 */
public record ProvisioningRetryRequested(long requestId, long actorId) {
}
