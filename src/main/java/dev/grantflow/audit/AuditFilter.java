package dev.grantflow.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The admin's filter on the audit log. Null and blank parts match every row.
 *
 * @param from the earliest time included
 * @param to the first time excluded
 * @param actorText text that the actor's name contains, ignoring case
 * @param targetText text that the target's name contains, ignoring case, or the target's exact id
 */
public record AuditFilter(@Nullable Instant from, @Nullable Instant to, @Nullable AuditAction action,
                          String actorText, String targetText, @Nullable AuditOutcome outcome) {

    public AuditFilter {
        actorText = actorText.strip();
        targetText = targetText.strip();
    }

    /** Returns the filter that matches every row. */
    public static AuditFilter all() {
        return new AuditFilter(null, null, null, "", "", null);
    }

    /** Returns the filter on target names and ids only. */
    public static AuditFilter forTarget(String targetText) {
        return new AuditFilter(null, null, null, "", targetText, null);
    }

    public boolean matchesAll() {
        return from == null && to == null && action == null && actorText.isEmpty() && targetText.isEmpty()
                && outcome == null;
    }
}
