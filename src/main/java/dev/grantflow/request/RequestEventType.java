package dev.grantflow.request;

/**
 * Kinds of entries in a request's history.
 */
public enum RequestEventType {
    SUBMITTED,
    AWAITING_APPROVAL,
    APPROVED,
    REJECTED,
    PROVISIONING_STARTED,
    PROVISIONING_RETRY,
    PROVISIONED,
    PROVISIONING_FAILED,
    RETRY_REQUESTED,
    PROVISIONING_HELD,
    PROVISIONING_RESUMED,
    REVOCATION_REQUESTED,
    REVOKED
}
