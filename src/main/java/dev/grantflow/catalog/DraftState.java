package dev.grantflow.catalog;

/**
 * State of an application's draft: whether it contains edits that are not live yet.
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
