package dev.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.grantflow.approval.ApprovalService;
import dev.grantflow.approval.ApprovalTask;
import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.directory.Person;
import dev.grantflow.provisioning.ProvisioningLog;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.testing.TestFixtures;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every role against every service action, called directly as a caller that bypasses the views would.
 * The same matrix is in docs/authorization.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ServiceAuthorizationMatrixTest {

    enum Role { REQUESTER, MANAGER, OWNER, ADMIN, ANONYMOUS }

    /** A service action and the roles allowed to take it. */
    record Action(String name, Set<Role> allowed, Consumer<Role> call) {
    }

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    CatalogService catalog;
    @Autowired
    RequestService requests;
    @Autowired
    ApprovalService approvals;
    @Autowired
    ProvisioningLog callLog;

    Map<Role, Person> people = new EnumMap<>(Role.class);
    Person otherEmployee;
    long app;
    RequestView ownRequestOfRequester;
    RequestView managersTaskRequest;

    @BeforeEach
    void createWorld() {
        Person admin = fixtures.person("Ada Admin", null, true);
        Person manager = fixtures.person("Maria Manager", null, false);
        Person owner = fixtures.person("Owen Owner", null, false);
        Person requester = fixtures.person("Emma Employee", manager, false);
        otherEmployee = fixtures.person("Eli Employee", manager, false);
        people.put(Role.ADMIN, admin);
        people.put(Role.MANAGER, manager);
        people.put(Role.OWNER, owner);
        people.put(Role.REQUESTER, requester);
        app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, owner), admin);
        ownRequestOfRequester = requests.submit(requester.getId(), app, "Own request");
        managersTaskRequest = requests.submit(otherEmployee.getId(), app, "Waits for the manager");
    }

    List<Action> actions() {
        Set<Role> adminOnly = Set.of(Role.ADMIN);
        Set<Role> signedIn = Set.of(Role.REQUESTER, Role.MANAGER, Role.OWNER, Role.ADMIN);
        return List.of(
                new Action("list applications (admin)", adminOnly, role -> catalog.listApplications(PageRequest.of(0, 10))),
                new Action("create application", adminOnly, role -> catalog.create(newForm(), idOf(role))),
                new Action("publish application", adminOnly, role -> catalog.publish(app, idOf(role))),
                new Action("read application history", adminOnly, role -> catalog.history(app)),
                new Action("list requestable applications", signedIn, role -> catalog.listRequestable()),
                new Action("read own request", Set.of(Role.REQUESTER, Role.ADMIN),
                        role -> requests.get(ownRequestOfRequester.id(), actor(role))),
                new Action("read another person's request", Set.of(Role.ADMIN),
                        role -> requests.get(managersTaskRequest.id(), actor(role))),
                new Action("revoke another person's access", Set.of(Role.ADMIN), this::revokeOthersAccess),
                new Action("list failure queue", adminOnly, role -> requests.listQueue(actor(role), PageRequest.of(0, 10))),
                new Action("retry all provisioning of an app", adminOnly, role -> requests.retryAll(app, actor(role))),
                new Action("read provisioning log", adminOnly, role -> callLog.calls(ownRequestOfRequester.id(), actor(role))),
                new Action("decide the manager's task", Set.of(Role.MANAGER), this::decideManagersTask),
                new Action("decide own request", Set.of(), this::decideOwnRequest));
    }

    @Test
    void everyRoleGetsExactlyItsActions() {
        for (Action action : actions()) {
            for (Role role : Role.values()) {
                createWorldIfUsed(action);
                boolean allowed = attempt(role, action);
                assertThat(allowed)
                        .as("%s by %s", action.name(), role)
                        .isEqualTo(action.allowed().contains(role));
            }
        }
    }

    private void createWorldIfUsed(Action action) {
        if (action.name().startsWith("decide") || action.name().startsWith("revoke")) {
            createWorld();
        }
    }

    private boolean attempt(Role role, Action action) {
        signInAs(role);
        try {
            action.call().accept(role);
            return true;
        } catch (AccessDeniedException | AuthenticationCredentialsNotFoundException e) {
            return false;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void signInAs(Role role) {
        if (role == Role.ANONYMOUS) {
            SecurityContextHolder.clearContext();
            return;
        }
        SignedInPerson person = actor(role);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                (PersonPrincipal) () -> person, null, PersonAuthorities.of(person)));
    }

    private SignedInPerson actor(Role role) {
        if (role == Role.ANONYMOUS) {
            return CurrentUser.require();
        }
        Person person = people.get(role);
        return new SignedInPerson(person.getId(), person.getEmail(), person.getDisplayName(), person.isAdmin(),
                role != Role.REQUESTER);
    }

    private long idOf(Role role) {
        return actor(role).personId();
    }

    private ApplicationForm newForm() {
        return fixtures.sandboxForm(port, ApproverType.NONE, null);
    }

    private void revokeOthersAccess(Role role) {
        Person someone = fixtures.person("Someone Else", null, false);
        long openApp = SystemActor.callAsAdmin(() -> fixtures.publish(fixtures.sandboxForm(port, ApproverType.NONE, null),
                people.get(Role.ADMIN)));
        RequestView provisioned = requests.submit(someone.getId(), openApp, "Needs access");
        await().atMost(Duration.ofSeconds(20)).until(() -> requests.get(provisioned.id()).status() == RequestStatus.PROVISIONED);
        requests.revoke(provisioned.id(), actor(role));
    }

    private void decideManagersTask(Role role) {
        String taskId = taskOf(people.get(Role.MANAGER), managersTaskRequest.id());
        approvals.decide(taskId, actor(role), true, "");
    }

    private void decideOwnRequest(Role role) {
        Person requester = people.get(role == Role.ANONYMOUS ? Role.REQUESTER : role);
        long appForSelf = SystemActor.callAsAdmin(() -> fixtures.publish(
                fixtures.sandboxForm(port, ApproverType.MANAGER, null), people.get(Role.ADMIN)));
        RequestView own = requests.submit(requester.getId(), appForSelf, "Decide my own");
        Person secondAdmin = fixtures.person("Second Admin", null, true);
        String taskId = Stream.of(people.get(Role.MANAGER), people.get(Role.ADMIN), secondAdmin)
                .flatMap(approver -> approvals.inbox(TestFixtures.signedIn(approver), 0, 100).stream())
                .filter(task -> task.requestId() == own.id())
                .map(ApprovalTask::taskId)
                .findFirst().orElseThrow();
        approvals.decide(taskId, actor(role), true, "");
    }

    private String taskOf(Person approver, long requestId) {
        return approvals.inbox(TestFixtures.signedIn(approver), 0, 100).stream()
                .filter(task -> task.requestId() == requestId)
                .map(ApprovalTask::taskId)
                .findFirst().orElseThrow();
    }
}
