package dev.grantflow.audit;

/**
 * The kind of action an audit event records. Stored by name, so constants may be added but not renamed.
 */
public enum AuditAction {

    APPLICATION_CREATED("Application created"),
    APPLICATION_DRAFT_SAVED("Draft saved"),
    APPLICATION_PUBLISHED("Application published"),
    CONNECTION_STATUS_CHANGED("Connection status changed"),
    ACCESS_REQUESTED("Access requested"),
    APPROVAL_DECISION("Approval decision"),
    PROVISIONING("Provisioning"),
    PROVISIONING_RESUMED("Provisioning resumed"),
    REVOCATION_REQUESTED("Revocation requested"),
    REVOCATION("Revocation"),
    RETRY_REQUESTED("Retry requested");

    private final String displayName;

    AuditAction(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
