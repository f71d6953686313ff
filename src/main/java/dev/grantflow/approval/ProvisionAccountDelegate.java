package dev.grantflow.approval;

import dev.grantflow.provisioning.ProvisioningService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Provisions the approved access. Runs as an asynchronous job; a failure goes to
 * {@link ProvisioningRetryCommand}, which retries or fails the request.
 */
@Component("provisionAccountDelegate")
class ProvisionAccountDelegate implements JavaDelegate {

    private final ProvisioningService provisioning;

    ProvisionAccountDelegate(ProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        provisioning.provision(((Number) execution.getVariable(AccessRequestProcess.REQUEST_ID)).longValue());
    }
}
