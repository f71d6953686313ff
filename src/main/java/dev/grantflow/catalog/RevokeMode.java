package dev.grantflow.catalog;

/**
 * Effect of revoking access in the target. Salesforce always deactivates the user, while a generic
 * SCIM application can instead only take the user out of the group.
 */
public enum RevokeMode {

    DEACTIVATE_USER("Deactivate the user"),
    REMOVE_FROM_GROUP("Remove the group membership only");

    private final String displayName;

    RevokeMode(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
