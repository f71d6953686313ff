package dev.grantflow.approval;

import dev.grantflow.provisioning.ProvisioningException;
import dev.grantflow.provisioning.ProvisioningProperties;
import dev.grantflow.request.RequestProgress;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.cmd.JobRetryCmd;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.job.service.impl.persistence.entity.AbstractRuntimeJobEntity;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles a failed provisioning or revocation job in place of Flowable's fixed retry cycle. Transient
 * failures come back after an exponential backoff with jitter. Permanent failures, and the last attempt,
 * park the job as a dead letter and fail the request. Authorization failures park it too, and the request
 * stays on hold until the connection works again. Jobs of other steps get Flowable's default handling.
 */
class ProvisioningRetryCommand implements Command<Object> {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningRetryCommand.class);
    private static final int MAX_MESSAGE = 900;

    private final String jobId;
    private final Throwable failure;
    private final ProvisioningProperties.Retry policy;
    private final RequestProgress progress;

    ProvisioningRetryCommand(String jobId, Throwable failure, ProvisioningProperties.Retry policy, RequestProgress progress) {
        this.jobId = jobId;
        this.failure = failure;
        this.policy = policy;
        this.progress = progress;
    }

    @Override
    public @Nullable Object execute(CommandContext context) {
        ProcessEngineConfigurationImpl engine = CommandContextUtil.getProcessEngineConfiguration(context);
        JobEntity job = engine.getJobServiceConfiguration().getJobService().findJobById(jobId);
        if (job == null) {
            return null;
        }
        if (!AccessRequestProcess.TARGET_STEPS.contains(job.getElementId())) {
            return new JobRetryCmd(jobId, failure).execute(context);
        }
        ExecutionEntity processInstance = CommandContextUtil.getExecutionEntityManager(context).findById(job.getProcessInstanceId());
        long requestId = Long.parseLong(processInstance.getBusinessKey());
        int attempt = Math.max(1, policy.maxAttempts() - job.getRetries() + 1);
        ProvisioningException known = findProvisioningException(failure);
        ProvisioningException.Kind kind = known == null ? ProvisioningException.Kind.TRANSIENT : known.kind();
        String reason = known != null ? known.getMessage()
                : "Unexpected error " + failure.getClass().getSimpleName() + ": " + failure.getMessage();

        AbstractRuntimeJobEntity next;
        if (kind == ProvisioningException.Kind.TRANSIENT && attempt < policy.maxAttempts()) {
            next = engine.getJobServiceConfiguration().getTimerJobService().moveJobToTimerJob(job);
            Duration wait = policy.backoffBeforeAttempt(attempt + 1, ThreadLocalRandom.current());
            next.setRetries(job.getRetries() - 1);
            next.setDuedate(Date.from(engine.getClock().getCurrentTime().toInstant().plus(wait)));
            progress.attemptFailed(requestId, attempt, reason, "in about " + humanize(wait));
            log.info("Provisioning attempt failed, will retry, requestId={} step={} attempt={} waitSeconds={} reason={}",
                    requestId, job.getElementId(), attempt, wait.toSeconds(), reason);
        } else {
            // Parked as a dead letter: an admin's retry, or a restored connection, moves it back.
            next = engine.getJobServiceConfiguration().getJobService().moveJobToDeadLetterJob(job);
            next.setRetries(0);
            switch (kind) {
                case AUTHORIZATION -> progress.held(requestId, reason, attempt);
                case TRANSIENT -> progress.gaveUp(requestId, reason + " Gave up after " + attempt + " attempts.", attempt);
                case PERMANENT -> progress.gaveUp(requestId, reason, attempt);
            }
        }
        next.setExceptionMessage(truncate(reason));
        return null;
    }

    private static @Nullable ProvisioningException findProvisioningException(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProvisioningException provisioning) {
                return provisioning;
            }
        }
        return null;
    }

    private static String humanize(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return seconds < 120 ? seconds + " seconds" : (seconds / 60) + " minutes";
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }
}
