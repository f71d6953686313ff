package dev.grantflow.approval;

import dev.grantflow.provisioning.ProvisioningProperties;
import dev.grantflow.request.ProvisioningRetryRequested;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs a failed provisioning again when an admin asks: the parked job returns with a fresh set of attempts.
 */
@Component
class ProvisioningRetryListener {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningRetryListener.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProvisioningProperties properties;

    ProvisioningRetryListener(RuntimeService runtime, ManagementService management, ProvisioningProperties properties) {
        this.runtime = runtime;
        this.management = management;
        this.properties = properties;
    }

    @EventListener
    void onRetryRequested(ProvisioningRetryRequested retry) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(AccessRequestProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(retry.requestId()))
                .singleResult();
        if (instance == null) {
            throw new IllegalStateException("Request " + retry.requestId() + " has no running process to retry.");
        }
        Job deadLetter = management.createDeadLetterJobQuery().processInstanceId(instance.getId()).singleResult();
        if (deadLetter == null) {
            throw new IllegalStateException("Request " + retry.requestId() + " has no failed provisioning job to retry.");
        }
        management.moveDeadLetterJobToExecutableJob(deadLetter.getId(), properties.retry().maxAttempts());
        log.info("Moved failed provisioning job back to the queue, requestId={} jobId={} actorId={}",
                retry.requestId(), deadLetter.getId(), retry.actorId());
    }
}
