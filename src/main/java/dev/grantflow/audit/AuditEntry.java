package dev.grantflow.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log, as admins read and export it.
 *
 * @param actorId the person who acted, or null when Grantflow acted by itself
 */
public record AuditEntry(long id, Instant occurredAt, @Nullable Long actorId, String actorName, AuditAction action,
                         AuditTargetType targetType, String targetId, String targetName, AuditOutcome outcome,
                         String detail) {
}
