package dev.grantflow.audit;

/**
 * The kind of object an audit event is about. Stored by name, so constants may be added but not renamed.
 */
public enum AuditTargetType {

    APPLICATION("Application"),
    ACCESS_REQUEST("Access request");

    private final String displayName;

    AuditTargetType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
