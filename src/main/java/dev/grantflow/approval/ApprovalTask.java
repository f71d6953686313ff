package dev.grantflow.approval;

import java.time.Instant;

/**
 * A decision waiting in someone's inbox, with what the approver needs to decide.
 *
 * @param fallback whether the task sits in the admins' queue because the stage had no approver
 */
public record ApprovalTask(String taskId, long requestId, ApprovalStage stage, Instant createdAt, long requesterId,
                           String requesterName, String applicationName, String justification, boolean fallback) {
}
