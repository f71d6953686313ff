package dev.grantflow.approval;

import dev.grantflow.approval.ApproverResolver.ResolvedApprover;
import dev.grantflow.request.RequestProgress;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.task.service.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Assigns a new approval task to the stage's approver, or offers it to the admins' group, and records
 * on the request who it waits for.
 */
@Component("approverAssignmentListener")
class ApproverAssignmentListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ApproverAssignmentListener.class);

    private final ApproverResolver resolver;
    private final RequestProgress progress;

    ApproverAssignmentListener(ApproverResolver resolver, RequestProgress progress) {
        this.resolver = resolver;
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        long requestId = ((Number) task.getVariable(AccessRequestProcess.REQUEST_ID)).longValue();
        ApprovalStage stage = ApprovalStage.ofTaskKey(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("No approval stage has task key " + task.getTaskDefinitionKey()));
        ResolvedApprover approver = resolver.resolve(requestId, stage);
        if (approver.personId() != null) {
            task.setAssignee(String.valueOf(approver.personId()));
        } else {
            task.addCandidateGroup(AccessRequestProcess.ADMINS_GROUP);
        }
        progress.awaitingApproval(requestId, stage.displayName(), approver.description(), approver.fallbackReason());
        log.info("Assigned approval task, requestId={} stage={} approverId={} fallback={}",
                requestId, stage, approver.personId(), approver.fallbackReason() != null);
    }
}
