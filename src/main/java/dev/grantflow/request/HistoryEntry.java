package dev.grantflow.request;

import java.time.Instant;

/**
 * One line of a request's history timeline.
 */
public record HistoryEntry(Instant at, String actorName, RequestEventType type, String message) {
}
