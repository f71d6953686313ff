package dev.grantflow.catalog;

/**
 * The outcome of an application's publishing: whether requesters see it, and whether the last attempt failed.
 */
public enum PublishState {

    /** Never published: requesters do not see it. */
    NOT_PUBLISHED("Not published"),
    /** A version is live. */
    PUBLISHED("Published"),
    /** The last publish was refused; the reason is kept until the next save or publish. */
    PUBLISH_FAILED("Publish failed");

    private final String displayName;

    PublishState(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
