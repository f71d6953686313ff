package dev.grantflow.catalog;

/**
 * Where an application's draft stands against what is live.
 */
public enum PublishState {

    /** Saved but never published: requesters do not see it. */
    DRAFT("Draft"),
    /** The draft holds changes that are not live yet. */
    CHANGES_PENDING("Changes pending"),
    /** The draft and the live settings are the same. */
    PUBLISHED("Published");

    private final String displayName;

    PublishState(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
