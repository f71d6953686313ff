package dev.grantflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.grantflow.approval.ApprovalService;
import dev.grantflow.approval.ApprovalTask;
import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.catalog.SalesforceIds;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.testing.TestFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Submitting, approving, rejecting, provisioning, revoking and an admin's retry, run end to end against
 * the sandbox over real HTTP, each leave one audit row with the right actor, action, target and outcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RequestAuditTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    // A profile id the sandbox does not know, so provisioning fails at once for this application only. Injected
    // sandbox faults would not do here, because they apply to whichever provisioning job calls next.
    private static final String UNKNOWN_PROFILE = SalesforceIds.to18("00e5g000009ZzZz");

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    RequestService requests;
    @Autowired
    ApprovalService approvals;
    @Autowired
    AuditService audit;

    Person admin;
    Person manager;
    Person employee;
    AuditRows rows;

    @BeforeEach
    void createPeople() {
        admin = fixtures.person("Ada Admin", null, true);
        manager = fixtures.person("Maria Manager", null, false);
        employee = fixtures.person("Emma Employee", manager, false);
        rows = new AuditRows(audit, admin);
    }

    @Test
    void submissionIsAudited() {
        ApplicationForm form = form(ApproverType.MANAGER);
        long app = fixtures.publish(form, admin);

        RequestView request = requests.submit(employee.getId(), app, "Quarterly pipeline review");

        AuditEntry submitted = rows.onlyRow(form.getName(), AuditAction.ACCESS_REQUESTED);
        assertThat(submitted.actorId()).isEqualTo(employee.getId());
        assertThat(submitted.targetType()).isEqualTo(AuditTargetType.ACCESS_REQUEST);
        assertThat(submitted.targetId()).isEqualTo(String.valueOf(request.id()));
        assertThat(submitted.targetName()).isEqualTo(form.getName() + " for Emma Employee");
        assertThat(submitted.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(submitted.detail()).contains("Quarterly pipeline review");
    }

    @Test
    void approvalIsAudited() {
        ApplicationForm form = form(ApproverType.MANAGER);
        RequestView request = requests.submit(employee.getId(), fixtures.publish(form, admin), "Need access");

        decideOnlyTask(manager, request.id(), true, "");
        // Waits for the provisioning job, so it cannot take a sandbox fault that a later test injects.
        awaitStatus(request.id(), RequestStatus.PROVISIONED);

        AuditEntry decision = rows.onlyRow(form.getName(), AuditAction.APPROVAL_DECISION);
        assertThat(decision.actorId()).isEqualTo(manager.getId());
        assertThat(decision.targetId()).isEqualTo(String.valueOf(request.id()));
        assertThat(decision.outcome()).isEqualTo(AuditOutcome.APPROVED);
        assertThat(decision.detail()).isEqualTo("Manager approval granted.");
    }

    @Test
    void provisioningSuccessIsAudited() {
        ApplicationForm form = form(ApproverType.MANAGER);
        RequestView request = requests.submit(employee.getId(), fixtures.publish(form, admin), "Need access");

        decideOnlyTask(manager, request.id(), true, "");

        AuditEntry provisioned = rows.awaitRow(form.getName(), AuditAction.PROVISIONING, AuditOutcome.SUCCESS);
        assertThat(provisioned.actorId()).isNull();
        assertThat(provisioned.actorName()).isEqualTo("Grantflow");
        assertThat(provisioned.targetId()).isEqualTo(String.valueOf(request.id()));
    }

    @Test
    void rejectionIsAudited() {
        ApplicationForm form = form(ApproverType.MANAGER);
        RequestView request = requests.submit(employee.getId(), fixtures.publish(form, admin), "Just curious");

        decideOnlyTask(manager, request.id(), false, "Not needed for your role");

        AuditEntry decision = rows.onlyRow(form.getName(), AuditAction.APPROVAL_DECISION);
        assertThat(decision.actorId()).isEqualTo(manager.getId());
        assertThat(decision.targetId()).isEqualTo(String.valueOf(request.id()));
        assertThat(decision.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(decision.detail()).isEqualTo("Manager approval rejected. Comment: Not needed for your role");
    }

    @Test
    void revocationIsAudited() {
        ApplicationForm form = form(ApproverType.NONE);
        RequestView request = requests.submit(employee.getId(), fixtures.publish(form, admin), "Need access");
        awaitStatus(request.id(), RequestStatus.PROVISIONED);

        requests.revoke(request.id(), TestFixtures.signedIn(employee));

        AuditEntry revocationRequest = rows.onlyRow(form.getName(), AuditAction.REVOCATION_REQUESTED);
        assertThat(revocationRequest.actorId()).isEqualTo(employee.getId());
        assertThat(revocationRequest.targetId()).isEqualTo(String.valueOf(request.id()));
        AuditEntry revoked = rows.awaitRow(form.getName(), AuditAction.REVOCATION, AuditOutcome.SUCCESS);
        assertThat(revoked.actorName()).isEqualTo("Grantflow");
        assertThat(revoked.targetId()).isEqualTo(String.valueOf(request.id()));
    }

    @Test
    void adminRetryOfFailureIsAudited() {
        ApplicationForm form = form(ApproverType.NONE);
        form.setGroupsObjectId(UNKNOWN_PROFILE);
        long app = fixtures.publish(form, admin);
        RequestView request = requests.submit(employee.getId(), app, "Need access");
        awaitStatus(request.id(), RequestStatus.FAILED);
        form.setGroupsObjectId(SandboxStore.STANDARD_USER_PROFILE_ID);
        fixtures.republish(app, form, admin);

        requests.retryProvisioning(request.id(), TestFixtures.signedIn(admin));

        AuditEntry failed = rows.awaitRow(form.getName(), AuditAction.PROVISIONING, AuditOutcome.FAILURE);
        assertThat(failed.actorName()).isEqualTo("Grantflow");
        assertThat(failed.detail()).contains(UNKNOWN_PROFILE);
        AuditEntry retry = rows.onlyRow(form.getName(), AuditAction.RETRY_REQUESTED);
        assertThat(retry.actorId()).isEqualTo(admin.getId());
        assertThat(retry.targetId()).isEqualTo(String.valueOf(request.id()));
        assertThat(retry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        AuditEntry provisioned = rows.awaitRow(form.getName(), AuditAction.PROVISIONING, AuditOutcome.SUCCESS);
        assertThat(provisioned.targetId()).isEqualTo(String.valueOf(request.id()));
    }

    private ApplicationForm form(ApproverType approverType) {
        return fixtures.sandboxForm(port, approverType, null);
    }

    private void decideOnlyTask(Person approver, long requestId, boolean approve, String comment) {
        List<ApprovalTask> tasks = approvals.inbox(TestFixtures.signedIn(approver), 0, 100).stream()
                .filter(task -> task.requestId() == requestId)
                .toList();
        assertThat(tasks).hasSize(1);
        approvals.decide(tasks.getFirst().taskId(), TestFixtures.signedIn(approver), approve, comment);
    }

    private void awaitStatus(long requestId, RequestStatus expected) {
        await().atMost(TIMEOUT).until(() -> requests.get(requestId).status() == expected);
    }
}
