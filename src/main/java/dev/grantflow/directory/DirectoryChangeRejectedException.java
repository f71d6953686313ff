package dev.grantflow.directory;

/**
 * Thrown when a change to the directory would break one of its rules. The message names the people and what
 * to do instead; nothing was saved.
 */
public class DirectoryChangeRejectedException extends RuntimeException {

    /** The rule that the change would break. */
    public enum Rule {
        /** A person would report, directly or through others, to themselves. */
        MANAGER_CYCLE,
        /** The directory would have no admin left. */
        LAST_ADMIN,
        /** An import preview no longer fits the directory, which changed after the preview. */
        STALE_PREVIEW
    }

    private final Rule rule;

    public DirectoryChangeRejectedException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
