package dev.grantflow.audit;

/**
 * The result of an audited action. Stored by name, so constants may be added but not renamed.
 */
public enum AuditOutcome {

    SUCCESS("Success"),
    FAILURE("Failure"),
    /** Provisioning waits until an admin re-authorizes the application's connection. */
    ON_HOLD("On hold"),
    APPROVED("Approved"),
    REJECTED("Rejected");

    private final String displayName;

    AuditOutcome(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
