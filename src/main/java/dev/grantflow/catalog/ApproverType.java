package dev.grantflow.catalog;

/**
 * Approvers of a request for an application. With both, the manager decides first.
 */
public enum ApproverType {

    NONE("None"),
    MANAGER("Manager"),
    APPLICATION_OWNER("Application Owner"),
    MANAGER_AND_APPLICATION_OWNER("Manager and Application Owner");

    private final String displayName;

    ApproverType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean includesManager() {
        return this == MANAGER || this == MANAGER_AND_APPLICATION_OWNER;
    }

    public boolean includesOwner() {
        return this == APPLICATION_OWNER || this == MANAGER_AND_APPLICATION_OWNER;
    }
}
