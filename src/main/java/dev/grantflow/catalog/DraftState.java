package dev.grantflow.catalog;

/**
 * Whether an application's draft holds edits that are not live yet.
 */
public enum DraftState {

    NO_CHANGES("No changes"),
    CHANGES_PENDING("Changes pending");

    private final String displayName;

    DraftState(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
