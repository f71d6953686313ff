package dev.grantflow.audit;

import dev.grantflow.request.AccessRequestSubmitted;
import dev.grantflow.request.ApprovalDecided;
import dev.grantflow.request.ProvisioningOutcome;
import dev.grantflow.request.ProvisioningResumeRequested;
import dev.grantflow.request.ProvisioningRetryRequested;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.request.RevocationRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits what happens to access requests: submission, decisions, provisioning and revocation results,
 * and admin retries. The listeners run synchronously inside the publisher's transaction, so the row
 * commits or rolls back with the step.
 */
@Component
class RequestAuditListener {

    private final AuditService audit;
    private final AuditSubjects subjects;
    private final RequestService requests;

    RequestAuditListener(AuditService audit, AuditSubjects subjects, RequestService requests) {
        this.audit = audit;
        this.subjects = subjects;
        this.requests = requests;
    }

    @EventListener
    void onSubmitted(AccessRequestSubmitted submitted) {
        RequestView request = requests.get(submitted.requestId());
        String detail = "Approvers: " + submitted.approverType().displayName() + ". Justification: "
                + request.justification();
        audit.record(AuditAction.ACCESS_REQUESTED, subjects.person(submitted.requesterId()),
                AuditSubjects.request(request), AuditOutcome.SUCCESS, detail);
    }

    @EventListener
    void onDecided(ApprovalDecided decided) {
        String detail = decided.stage() + " approval " + (decided.approved() ? "granted." : "rejected.")
                + (decided.comment().isEmpty() ? "" : " Comment: " + decided.comment());
        audit.record(AuditAction.APPROVAL_DECISION, subjects.person(decided.actorId()),
                AuditSubjects.request(requests.get(decided.requestId())),
                decided.approved() ? AuditOutcome.APPROVED : AuditOutcome.REJECTED, detail);
    }

    @EventListener
    void onRetryRequested(ProvisioningRetryRequested retry) {
        RequestView request = requests.get(retry.requestId());
        String detail = request.status() == RequestStatus.REVOKING ? "Asked to retry the failed revocation."
                : "Asked to retry the failed or held provisioning.";
        audit.record(AuditAction.RETRY_REQUESTED, subjects.person(retry.actorId()), AuditSubjects.request(request),
                AuditOutcome.SUCCESS, detail);
    }

    @EventListener
    void onRevocationRequested(RevocationRequested revocation) {
        audit.record(AuditAction.REVOCATION_REQUESTED, subjects.person(revocation.actorId()),
                AuditSubjects.request(requests.get(revocation.requestId())), AuditOutcome.SUCCESS,
                "Asked to revoke access; the target account is deactivated next.");
    }

    @EventListener
    void onResumeRequested(ProvisioningResumeRequested resume) {
        AuditActor actor = subjects.signedInOrSystem();
        for (RequestView request : requests.getAll(resume.requestIds()).values()) {
            audit.record(AuditAction.PROVISIONING_RESUMED, actor, AuditSubjects.request(request), AuditOutcome.SUCCESS,
                    "Held provisioning continues because the application's connection works again.");
        }
    }

    @EventListener
    void onProvisioningOutcome(ProvisioningOutcome result) {
        AuditAction action = switch (result.outcome()) {
            case ProvisioningOutcome.REVOKED, ProvisioningOutcome.REVOCATION_FAILED -> AuditAction.REVOCATION;
            default -> AuditAction.PROVISIONING;
        };
        AuditOutcome outcome = switch (result.outcome()) {
            case ProvisioningOutcome.PROVISIONED, ProvisioningOutcome.REVOKED -> AuditOutcome.SUCCESS;
            case ProvisioningOutcome.HELD -> AuditOutcome.ON_HOLD;
            case ProvisioningOutcome.FAILED, ProvisioningOutcome.REVOCATION_FAILED -> AuditOutcome.FAILURE;
            default -> throw new IllegalArgumentException("Unknown provisioning outcome " + result.outcome()
                    + " of request " + result.requestId() + "; map it to an audit outcome.");
        };
        audit.record(action, AuditActor.system(), AuditSubjects.request(requests.get(result.requestId())), outcome,
                result.detail());
    }
}
