package dev.grantflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One stored audit event. The constructor sets every field and nothing changes them afterwards:
 * there are no setters, and as an {@link Immutable} entity Hibernate leaves it out of dirty checking.
 * Queries read rows as {@link AuditEntry} projections, not through this class.
 */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

    static final int MAX_NAME = 200;
    static final int MAX_TARGET_ID = 60;
    static final int MAX_DETAIL = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt = Instant.EPOCH;

    @Column(name = "actor_id")
    private @Nullable Long actorId;

    @Column(name = "actor_name", nullable = false, length = MAX_NAME)
    private String actorName = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 60)
    private AuditAction action = AuditAction.APPLICATION_CREATED;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false, length = 40)
    private AuditTargetType targetType = AuditTargetType.APPLICATION;

    @Column(name = "target_id", nullable = false, length = MAX_TARGET_ID)
    private String targetId = "";

    @Column(name = "target_name", nullable = false, length = MAX_NAME)
    private String targetName = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AuditOutcome outcome = AuditOutcome.SUCCESS;

    @Column(nullable = false, length = MAX_DETAIL)
    private String detail = "";

    /** For Hibernate only. */
    protected AuditEvent() {
    }

    /** Creates an event. A text longer than its column is cut and ends in "...". */
    AuditEvent(Instant occurredAt, AuditActor actor, AuditAction action, AuditTarget target, AuditOutcome outcome,
               String detail) {
        this.occurredAt = occurredAt;
        this.actorId = actor.id();
        this.actorName = cut(actor.name(), MAX_NAME);
        this.action = action;
        this.targetType = target.type();
        this.targetId = cut(target.id(), MAX_TARGET_ID);
        this.targetName = cut(target.name(), MAX_NAME);
        this.outcome = outcome;
        this.detail = cut(detail, MAX_DETAIL);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
