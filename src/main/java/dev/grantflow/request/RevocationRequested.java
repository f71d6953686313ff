package dev.grantflow.request;

/**
 * Event of a requester or an admin requesting revocation of provisioned access.
 */
public record RevocationRequested(long requestId, long actorId) {
}
