package dev.grantflow.request;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves requests through their statuses and writes their history. The approval process and the
 * provisioning steps call it; the caller has already checked who acts.
 */
@Service
@Transactional
public class RequestProgress {

    /** The name shown in history for steps Grantflow takes by itself. */
    public static final String SYSTEM_ACTOR = "Grantflow";

    private static final Logger log = LoggerFactory.getLogger(RequestProgress.class);

    private final AccessRequestRepository requests;
    private final RequestEventRepository history;
    private final ApplicationEventPublisher events;

    RequestProgress(AccessRequestRepository requests, RequestEventRepository history, ApplicationEventPublisher events) {
        this.requests = requests;
        this.history = history;
        this.events = events;
    }

    /** Records that a stage waits for an approver; {@code note} explains a fallback to the admins. */
    public void awaitingApproval(long requestId, String stage, String approverDescription, @Nullable String note) {
        AccessRequest request = require(requestId);
        request.moveTo(RequestStatus.PENDING_APPROVAL, stage + " approval by " + approverDescription);
        String waiting = "Waiting for " + stage.toLowerCase(Locale.ROOT) + " approval";
        String message = note == null ? waiting + " by " + approverDescription + "." : waiting + ". " + note;
        record(requestId, null, SYSTEM_ACTOR, RequestEventType.AWAITING_APPROVAL, message);
    }

    /** Records an approver's decision at a stage. A rejection closes the request. */
    public void decided(long requestId, long actorId, String actorName, String stage, boolean approved, @Nullable String comment) {
        AccessRequest request = require(requestId);
        String commentText = comment == null || comment.isBlank() ? "" : " Comment: " + comment.strip();
        if (approved) {
            record(requestId, actorId, actorName, RequestEventType.APPROVED, stage + " approval granted." + commentText);
        } else {
            request.moveTo(RequestStatus.REJECTED, comment == null ? null : comment.strip());
            record(requestId, actorId, actorName, RequestEventType.REJECTED, stage + " approval rejected." + commentText);
        }
        events.publishEvent(new ApprovalDecided(requestId, actorId, stage, approved, comment == null ? "" : comment.strip()));
        log.info("Recorded approval decision, requestId={} stage={} approved={} actorId={}", requestId, stage, approved, actorId);
    }

    /** Records that every stage approved, so provisioning comes next. */
    public void approved(long requestId) {
        require(requestId).moveTo(RequestStatus.APPROVED, null);
        record(requestId, null, SYSTEM_ACTOR, RequestEventType.APPROVED, "All approvals granted; provisioning is queued.");
    }

    /**
     * Marks provisioning as running. It commits with the provisioning attempt, so requesters see it while
     * retries wait; a first attempt that succeeds goes straight from Approved to Provisioned.
     */
    public void provisioningStarted(long requestId) {
        AccessRequest request = require(requestId);
        if (request.status == RequestStatus.APPROVED) {
            record(requestId, null, SYSTEM_ACTOR, RequestEventType.PROVISIONING_STARTED, "Provisioning started.");
        }
        if (request.status != RequestStatus.PROVISIONING) {
            request.moveTo(RequestStatus.PROVISIONING, null);
        }
    }

    /** Records a failed attempt that will be retried. */
    public void attemptFailed(long requestId, int attempt, String reason, String nextAttempt) {
        AccessRequest request = require(requestId);
        RequestStatus running = request.status == RequestStatus.REVOKING ? RequestStatus.REVOKING : RequestStatus.PROVISIONING;
        request.moveTo(running, "Retrying after: " + reason);
        request.attempts = attempt;
        record(requestId, null, SYSTEM_ACTOR, RequestEventType.PROVISIONING_RETRY,
                "Attempt " + attempt + " failed: " + reason + " Next attempt " + nextAttempt + ".");
    }

    /** Records the target account and closes provisioning successfully. */
    public void provisioned(long requestId, String scimUserId, String summary) {
        AccessRequest request = require(requestId);
        request.scimUserId = scimUserId;
        request.moveTo(RequestStatus.PROVISIONED, null);
        record(requestId, null, SYSTEM_ACTOR, RequestEventType.PROVISIONED, summary);
        announceOutcome(request, ProvisioningOutcome.PROVISIONED, summary);
        log.info("Provisioned access request, requestId={} scimUserId={}", requestId, scimUserId);
    }

    /** Records that provisioning or revocation gave up; an admin can retry it from the failure queue. */
    public void gaveUp(long requestId, String reason, int attempts) {
        AccessRequest request = require(requestId);
        boolean revoking = request.status == RequestStatus.REVOKING;
        request.moveTo(revoking ? RequestStatus.REVOCATION_FAILED : RequestStatus.FAILED, reason);
        request.attempts = attempts;
        record(requestId, null, SYSTEM_ACTOR, RequestEventType.PROVISIONING_FAILED,
                (revoking ? "Revocation failed: " : "Provisioning failed: ") + reason);
        announceOutcome(request, revoking ? ProvisioningOutcome.REVOCATION_FAILED : ProvisioningOutcome.FAILED, reason);
        log.warn("Provisioning gave up, requestId={} revoking={} attempts={} reason={}", requestId, revoking, attempts, reason);
    }

    /** Parks a request until an admin re-authorizes its application's connection. */
    public void held(long requestId, String reason, int attempts) {
        AccessRequest request = require(requestId);
        if (request.status == RequestStatus.REVOKING) {
            gaveUp(requestId, reason, attempts);
            return;
        }
        request.moveTo(RequestStatus.ON_HOLD, reason);
        request.attempts = attempts;
        record(requestId, null, SYSTEM_ACTOR, RequestEventType.PROVISIONING_HELD,
                "Provisioning is on hold until an admin re-authorizes the connection: " + reason);
        announceOutcome(request, ProvisioningOutcome.HELD, reason);
        log.warn("Provisioning held, requestId={} reason={}", requestId, reason);
    }

    /** Records that the account was deactivated or removed from the group, which closes the request. */
    public void revoked(long requestId, String summary) {
        AccessRequest request = require(requestId);
        request.moveTo(RequestStatus.REVOKED, null);
        record(requestId, null, SYSTEM_ACTOR, RequestEventType.REVOKED, summary);
        announceOutcome(request, ProvisioningOutcome.REVOKED, summary);
        log.info("Revoked access, requestId={}", requestId);
    }

    private AccessRequest require(long requestId) {
        return requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
    }

    private void announceOutcome(AccessRequest request, String outcome, String detail) {
        events.publishEvent(new ProvisioningOutcome(request.requireId(), request.applicationId, outcome, detail));
    }

    private void record(long requestId, @Nullable Long actorId, String actorName, RequestEventType type, String message) {
        history.save(new RequestEvent(requestId, actorId, actorName, type, message));
    }
}
