package dev.grantflow.request;

/**
 * Published when a requester or an admin asks to revoke provisioned access.
 */
public record RevocationRequested(long requestId, long actorId) {
}
