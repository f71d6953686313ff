package dev.grantflow.approval;

import dev.grantflow.request.AccessRequestSubmitted;
import dev.grantflow.request.RequestProgress;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestView;
import dev.grantflow.security.SignedInPerson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade over the access-request process: starts it, lists the inbox and takes decisions.
 * Callers get Grantflow's own records; Flowable types stay in this package.
 */
@Service
@Transactional
public class ApprovalService {

    private static final Logger log = LoggerFactory.getLogger(ApprovalService.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RequestService requests;
    private final RequestProgress progress;
    private final ApprovalPathReader paths;

    ApprovalService(RuntimeService runtime, TaskService tasks, RequestService requests, RequestProgress progress,
                    ApprovalPathReader paths) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.requests = requests;
        this.progress = progress;
        this.paths = paths;
    }

    /** Starts the process in the submitting transaction, so a request never exists without one. */
    @EventListener
    void onSubmitted(AccessRequestSubmitted submitted) {
        runtime.createProcessInstanceBuilder()
                .processDefinitionKey(AccessRequestProcess.KEY)
                .businessKey(String.valueOf(submitted.requestId()))
                .variable(AccessRequestProcess.REQUEST_ID, submitted.requestId())
                .variable(AccessRequestProcess.REQUESTER_ID, submitted.requesterId())
                .variable(AccessRequestProcess.REQUIRES_MANAGER, submitted.approverType().includesManager())
                .variable(AccessRequestProcess.REQUIRES_OWNER, submitted.approverType().includesOwner())
                .start();
        log.info("Started access request process, requestId={} approverType={}", submitted.requestId(), submitted.approverType());
    }

    /** Returns a page of the tasks the person may decide, newest first. */
    @Transactional(readOnly = true)
    public List<ApprovalTask> inbox(SignedInPerson person, int offset, int limit) {
        List<Task> page = inboxQuery(person).orderByTaskCreateTime().desc().listPage(offset, limit);
        Map<String, Long> requestIdByProcess = requestIdsByProcess(page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
        Map<Long, RequestView> views = requests.getAll(Set.copyOf(requestIdByProcess.values()));
        return page.stream()
                .filter(task -> views.containsKey(requestIdByProcess.get(task.getProcessInstanceId())))
                .map(task -> toApprovalTask(task, views.get(requestIdByProcess.get(task.getProcessInstanceId()))))
                .toList();
    }

    @Transactional(readOnly = true)
    public long countInbox(SignedInPerson person) {
        return inboxQuery(person).count();
    }

    /**
     * Returns the approval path of a request the viewer may see, or empty when the request has no process.
     * Throws AccessDeniedException when the viewer may not see the request.
     */
    @Transactional(readOnly = true)
    public Optional<ApprovalPath> approvalPath(long requestId, SignedInPerson viewer) {
        requests.get(requestId, viewer);
        return paths.read(requestId);
    }

    /**
     * Approves or rejects a task. Only the assigned approver, or an admin for the admins' queue, may
     * decide, and never on their own request. A rejection needs a comment.
     */
    public void decide(String taskId, SignedInPerson actor, boolean approve, String comment) {
        Task task = tasks.createTaskQuery().taskId(taskId).processDefinitionKey(AccessRequestProcess.KEY).singleResult();
        if (task == null) {
            throw new DecisionRejectedException("This task was already decided or no longer exists. Refresh the inbox.");
        }
        long requestId = requestIdsByProcess(Set.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
        checkMayDecide(task, actor, requestId);
        if (!approve && comment.isBlank()) {
            throw new DecisionRejectedException("Enter a comment that tells the requester why the request is rejected.");
        }
        ApprovalStage stage = ApprovalStage.ofTaskKey(task.getTaskDefinitionKey()).orElseThrow();
        if (task.getAssignee() == null) {
            tasks.claim(taskId, String.valueOf(actor.personId()));
        }
        progress.decided(requestId, actor.personId(), actor.displayName(), stage.displayName(), approve,
                comment.isBlank() ? null : comment);
        tasks.complete(taskId, Map.of(AccessRequestProcess.APPROVED, approve));
        log.info("Completed approval task, taskId={} requestId={} stage={} approved={} actorId={}",
                taskId, requestId, stage, approve, actor.personId());
    }

    private void checkMayDecide(Task task, SignedInPerson actor, long requestId) {
        long requesterId = ((Number) runtime.getVariable(task.getExecutionId(), AccessRequestProcess.REQUESTER_ID)).longValue();
        if (requesterId == actor.personId()) {
            log.warn("Denied deciding own request, personId={} taskId={} requestId={}", actor.personId(), task.getId(), requestId);
            throw new AccessDeniedException("You cannot decide your own request.");
        }
        boolean assigned = String.valueOf(actor.personId()).equals(task.getAssignee());
        boolean adminQueue = task.getAssignee() == null && actor.admin() && inAdminsQueue(task.getId());
        if (!assigned && !adminQueue) {
            log.warn("Denied deciding another approver's task, personId={} taskId={} requestId={}",
                    actor.personId(), task.getId(), requestId);
            throw new AccessDeniedException("This task is assigned to someone else.");
        }
    }

    private boolean inAdminsQueue(String taskId) {
        List<IdentityLink> links = tasks.getIdentityLinksForTask(taskId);
        return links.stream().anyMatch(link -> AccessRequestProcess.ADMINS_GROUP.equals(link.getGroupId()));
    }

    private TaskQuery inboxQuery(SignedInPerson person) {
        TaskQuery query = tasks.createTaskQuery()
                .processDefinitionKey(AccessRequestProcess.KEY)
                .taskDefinitionKeys(AccessRequestProcess.APPROVAL_TASK_KEYS)
                .processVariableValueNotEquals(AccessRequestProcess.REQUESTER_ID, person.personId());
        String personId = String.valueOf(person.personId());
        if (person.admin()) {
            return query.or().taskAssignee(personId).taskCandidateGroup(AccessRequestProcess.ADMINS_GROUP).endOr();
        }
        return query.taskAssignee(personId);
    }

    /** Maps process instance ids to request ids, which the processes carry as business keys. */
    private Map<String, Long> requestIdsByProcess(Set<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(processInstanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, instance -> Long.parseLong(instance.getBusinessKey())));
    }

    private static ApprovalTask toApprovalTask(Task task, RequestView request) {
        ApprovalStage stage = ApprovalStage.ofTaskKey(task.getTaskDefinitionKey()).orElseThrow();
        return new ApprovalTask(task.getId(), request.id(), stage, task.getCreateTime().toInstant(), request.requesterId(),
                request.requesterName(), request.applicationName(), request.justification(), task.getAssignee() == null);
    }
}
