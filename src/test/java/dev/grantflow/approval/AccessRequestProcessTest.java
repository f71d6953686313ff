package dev.grantflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.request.HistoryEntry;
import dev.grantflow.request.RequestRejectedException;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.sandbox.SandboxUser;
import dev.grantflow.testing.TestFixtures;
import dev.grantflow.testing.TestProfiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * The access-request process end to end against the sandbox over real HTTP: each approver type through to
 * Provisioned, rejection at each stage, fallback approvers, and the rules on who may decide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class AccessRequestProcessTest {

    private static final Duration PROVISIONING_TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    RequestService requests;
    @Autowired
    ApprovalService approvals;
    @Autowired
    SandboxStore sandbox;

    Person admin;
    Person owner;
    Person manager;
    Person employee;

    @BeforeEach
    void createPeople() {
        admin = fixtures.person("Ada Admin", null, true);
        owner = fixtures.person("Owen Owner", null, false);
        manager = fixtures.person("Maria Manager", null, false);
        employee = fixtures.person("Emma Employee", manager, false);
    }

    @Test
    void noApproverProvisionsAtOnce() {
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.NONE, null), admin);

        RequestView request = requests.submit(employee.getId(), app, "Need CRM access");

        awaitStatus(request.id(), RequestStatus.PROVISIONED);
        assertSandboxUserHasStandardProfile(employee);
    }

    @Test
    void managerApprovalProvisions() {
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        RequestView request = requests.submit(employee.getId(), app, "Quarterly pipeline review");

        decideOnlyTask(manager, request.id(), true, "");

        awaitStatus(request.id(), RequestStatus.PROVISIONED);
        assertThat(requests.get(request.id()).scimUserId()).startsWith("005");
        assertSandboxUserHasStandardProfile(employee);
    }

    @Test
    void ownerApprovalProvisions() {
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.APPLICATION_OWNER, owner), admin);
        RequestView request = requests.submit(employee.getId(), app, "Support cases");

        decideOnlyTask(owner, request.id(), true, "ok");

        awaitStatus(request.id(), RequestStatus.PROVISIONED);
        assertSandboxUserHasStandardProfile(employee);
    }

    @Test
    void managerThenOwnerApprovalProvisions() {
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER_AND_APPLICATION_OWNER, owner), admin);
        RequestView request = requests.submit(employee.getId(), app, "Forecasting");

        assertThat(approvals.inbox(TestFixtures.signedIn(owner), 0, 10)).isEmpty();
        decideOnlyTask(manager, request.id(), true, "");
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
        assertThat(requests.get(request.id()).statusDetail()).contains("Application owner");
        decideOnlyTask(owner, request.id(), true, "");

        awaitStatus(request.id(), RequestStatus.PROVISIONED);
        assertSandboxUserHasStandardProfile(employee);
    }

    @Test
    void managerRejectionEndsRequest() {
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER_AND_APPLICATION_OWNER, owner), admin);
        RequestView request = requests.submit(employee.getId(), app, "Just curious");

        decideOnlyTask(manager, request.id(), false, "Not needed for your role");

        RequestView rejected = requests.get(request.id());
        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.statusDetail()).isEqualTo("Not needed for your role");
        assertThat(approvals.inbox(TestFixtures.signedIn(owner), 0, 10)).isEmpty();
        assertThat(sandbox.createdUserCount(employee.getEmail())).isZero();
    }

    @Test
    void ownerRejectionEndsRequest() {
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER_AND_APPLICATION_OWNER, owner), admin);
        RequestView request = requests.submit(employee.getId(), app, "Reporting");

        decideOnlyTask(manager, request.id(), true, "");
        decideOnlyTask(owner, request.id(), false, "Licences are used up");

        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(sandbox.createdUserCount(employee.getEmail())).isZero();
    }

    @Test
    void missingManagerFallsBackToAdmins() {
        Person loner = fixtures.person("Sam Solo", null, false);
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        RequestView request = requests.submit(loner.getId(), app, "Need access");

        List<ApprovalTask> adminTasks = tasksFor(admin, request.id());
        assertThat(adminTasks).singleElement().extracting(ApprovalTask::fallback).isEqualTo(true);
        assertThat(requests.history(request.id())).extracting(HistoryEntry::message)
                .anyMatch(message -> message.contains("No manager is on record"));

        decideOnlyTask(admin, request.id(), true, "");
        awaitStatus(request.id(), RequestStatus.PROVISIONED);
    }

    @Test
    void missingOwnerFallsBackToAdmins() {
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        RequestView request = requests.submit(employee.getId(), app, "Need access");

        assertThat(tasksFor(admin, request.id())).isEmpty();
        assertThat(tasksFor(manager, request.id())).hasSize(1);
    }

    @Test
    void adminCannotDecideOwnRequest() {
        Person secondAdmin = fixtures.person("Second Admin", null, true);
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        RequestView request = requests.submit(admin.getId(), app, "Admin needs it too");

        assertThat(tasksFor(admin, request.id())).isEmpty();
        List<ApprovalTask> visibleToOther = tasksFor(secondAdmin, request.id());
        assertThat(visibleToOther).hasSize(1);
        assertThatThrownBy(() -> approvals.decide(visibleToOther.getFirst().taskId(), TestFixtures.signedIn(admin), true, ""))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void otherApproverCannotDecideTask() {
        Person otherManager = fixtures.person("Other Manager", null, false);
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        RequestView request = requests.submit(employee.getId(), app, "Need access");
        String taskId = tasksFor(manager, request.id()).getFirst().taskId();

        assertThatThrownBy(() -> approvals.decide(taskId, TestFixtures.signedIn(otherManager), true, ""))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rejectionNeedsComment() {
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        RequestView request = requests.submit(employee.getId(), app, "Need access");
        String taskId = tasksFor(manager, request.id()).getFirst().taskId();

        assertThatThrownBy(() -> approvals.decide(taskId, TestFixtures.signedIn(manager), false, " "))
                .isInstanceOf(DecisionRejectedException.class);
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
    }

    @Test
    void secondOpenRequestIsRejected() {
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        requests.submit(employee.getId(), app, "First");

        assertThatThrownBy(() -> requests.submit(employee.getId(), app, "Second"))
                .isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("already have an open request");
    }

    @Test
    void blankJustificationIsRejected() {
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);

        assertThatThrownBy(() -> requests.submit(employee.getId(), app, "   "))
                .isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("justification");
    }

    @Test
    void inboxListsNewestFirst() {
        Person second = fixtures.person("Eli Employee", manager, false);
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        RequestView older = requests.submit(employee.getId(), app, "Older");
        RequestView newer = requests.submit(second.getId(), app, "Newer");

        List<ApprovalTask> inbox = approvals.inbox(TestFixtures.signedIn(manager), 0, 10);

        assertThat(inbox).extracting(ApprovalTask::requestId).containsSubsequence(newer.id(), older.id());
    }

    private List<ApprovalTask> tasksFor(Person approver, long requestId) {
        return approvals.inbox(TestFixtures.signedIn(approver), 0, 100).stream()
                .filter(task -> task.requestId() == requestId)
                .toList();
    }

    private void decideOnlyTask(Person approver, long requestId, boolean approve, String comment) {
        List<ApprovalTask> tasks = tasksFor(approver, requestId);
        assertThat(tasks).hasSize(1);
        approvals.decide(tasks.getFirst().taskId(), TestFixtures.signedIn(approver), approve, comment);
    }

    private void awaitStatus(long requestId, RequestStatus expected) {
        await().atMost(PROVISIONING_TIMEOUT).until(() -> requests.get(requestId).status() == expected);
    }

    private void assertSandboxUserHasStandardProfile(Person person) {
        SandboxUser user = sandbox.users().stream()
                .filter(candidate -> candidate.userName().equals(person.getEmail()))
                .findFirst().orElseThrow();
        assertThat(user.active()).isTrue();
        assertThat(user.profileId()).isEqualTo(SandboxStore.STANDARD_USER_PROFILE_ID);
        assertThat(sandbox.createdUserCount(person.getEmail())).isEqualTo(1);
    }
}
