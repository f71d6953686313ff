package dev.grantflow.approval;

import dev.grantflow.provisioning.ProvisioningProperties;
import dev.grantflow.request.ProvisioningResumeRequested;
import dev.grantflow.request.ProvisioningRetryRequested;
import dev.grantflow.request.RevocationRequested;
import java.util.List;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts revocations, and moves parked provisioning and revocation jobs back to the queue when an admin
 * retries them or an application's connection works again. Each gets a fresh set of attempts.
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
    void onRevocationRequested(RevocationRequested revocation) {
        runtime.createProcessInstanceBuilder()
                .processDefinitionKey(AccessRequestProcess.REVOCATION_KEY)
                .businessKey(String.valueOf(revocation.requestId()))
                .variable(AccessRequestProcess.REQUEST_ID, revocation.requestId())
                .start();
        log.info("Started access revocation process, requestId={} actorId={}", revocation.requestId(), revocation.actorId());
    }

    @EventListener
    void onRetryRequested(ProvisioningRetryRequested retry) {
        requeue(retry.requestId());
        log.info("Moved parked job back to the queue, requestId={} actorId={}", retry.requestId(), retry.actorId());
    }

    @EventListener
    void onResumeRequested(ProvisioningResumeRequested resume) {
        resume.requestIds().forEach(this::requeue);
        log.info("Moved held jobs back to the queue, applicationId={} requests={}", resume.applicationId(), resume.requestIds().size());
    }

    private void requeue(long requestId) {
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(requestId))
                .list();
        for (ProcessInstance instance : instances) {
            Job deadLetter = management.createDeadLetterJobQuery().processInstanceId(instance.getId()).singleResult();
            if (deadLetter != null) {
                management.moveDeadLetterJobToExecutableJob(deadLetter.getId(), properties.retry().maxAttempts());
                return;
            }
        }
        throw new IllegalStateException("Request " + requestId + " has no parked provisioning or revocation job to run again.");
    }
}
