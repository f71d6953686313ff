package dev.grantflow.request;

import dev.grantflow.catalog.ApproverType;

/**
 * Published inside the submitting transaction, so the approval process starts atomically with the request.
 */
public record AccessRequestSubmitted(long requestId, long requesterId, long applicationId, ApproverType approverType) {
}
