package dev.grantflow.request;

/**
 * Status of an access request. Open requests block a second request for the same application.
 */
public enum RequestStatus {

    PENDING_APPROVAL("Pending approval", true),
    APPROVED("Approved", true),
    REJECTED("Rejected", false),
    PROVISIONING("Provisioning", true),
    PROVISIONED("Provisioned", true),
    /** Provisioning waits until an admin re-authorizes the application's connection. */
    ON_HOLD("On hold", true),
    FAILED("Failed", true),
    REVOKING("Revoking", true),
    REVOCATION_FAILED("Revocation failed", true),
    REVOKED("Revoked", false);

    private final String displayName;
    private final boolean open;

    RequestStatus(String displayName, boolean open) {
        this.displayName = displayName;
        this.open = open;
    }

    public String displayName() {
        return displayName;
    }

    /** Tells whether the request still counts as the person's request for the application. */
    public boolean isOpen() {
        return open;
    }
}
