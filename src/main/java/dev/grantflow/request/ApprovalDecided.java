package dev.grantflow.request;

/**
 * Published inside the deciding transaction after an approver approved or rejected a stage of a request.
 *
 * @param stage the stage's display name, such as "Manager"
 * @param comment the approver's comment, stripped, or an empty string when they gave none
 */
public record ApprovalDecided(long requestId, long actorId, String stage, boolean approved, String comment) {
}
