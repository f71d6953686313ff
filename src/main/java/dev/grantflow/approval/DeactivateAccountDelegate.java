package dev.grantflow.approval;

import dev.grantflow.provisioning.ProvisioningService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Revokes provisioned access in the target. Runs as an asynchronous job with the provisioning retry policy.
 */
@Component("deactivateAccountDelegate")
class DeactivateAccountDelegate implements JavaDelegate {

    private final ProvisioningService provisioning;

    DeactivateAccountDelegate(ProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        provisioning.revoke(((Number) execution.getVariable(AccessRequestProcess.REQUEST_ID)).longValue());
    }
}
