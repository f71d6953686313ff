package dev.grantflow.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a request's history: what happened, when, and who did it (null actor: Grantflow itself).
 */
@Entity
@Table(name = "request_event")
class RequestEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;

    @Column(name = "request_id", nullable = false)
    long requestId;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt = Instant.now();

    @Column(name = "actor_id")
    @Nullable Long actorId;

    @Column(name = "actor_name", nullable = false, length = 200)
    String actorName = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    RequestEventType type = RequestEventType.SUBMITTED;

    @Column(nullable = false, length = 2000)
    String message = "";

    protected RequestEvent() {
    }

    RequestEvent(long requestId, @Nullable Long actorId, String actorName, RequestEventType type, String message) {
        this.requestId = requestId;
        this.actorId = actorId;
        this.actorName = actorName;
        this.type = type;
        this.message = message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
    }
}
