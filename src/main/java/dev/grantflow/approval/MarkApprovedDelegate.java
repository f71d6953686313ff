package dev.grantflow.approval;

import dev.grantflow.request.RequestProgress;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Marks the request approved once every stage has approved.
 */
@Component("markApprovedDelegate")
class MarkApprovedDelegate implements JavaDelegate {

    private final RequestProgress progress;

    MarkApprovedDelegate(RequestProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.approved(((Number) execution.getVariable(AccessRequestProcess.REQUEST_ID)).longValue());
    }
}
