package dev.grantflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import org.flowable.engine.ManagementService;
import dev.grantflow.catalog.SalesforceIds;
import dev.grantflow.directory.Person;
import dev.grantflow.provisioning.ConnectionProblem;
import dev.grantflow.provisioning.ConnectionService;
import dev.grantflow.provisioning.LoggedCall;
import dev.grantflow.provisioning.ProvisioningLog;
import dev.grantflow.request.HistoryEntry;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.sandbox.SandboxFault;
import dev.grantflow.sandbox.SandboxOperation;
import dev.grantflow.sandbox.SandboxProperties;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.testing.TestFixtures;
import dev.grantflow.testing.TestProfiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Provisioning over real HTTP against the sandbox with injected faults: an expired token, a 5xx that
 * recovers, retries that run out, a permanent 400, a revoked refresh token, and the admin's retry.
 * The test profile allows three attempts with short waits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class ProvisioningFailureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String UNKNOWN_PROFILE = SalesforceIds.to18("00e5g000009ZzZz");

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    ManagementService management;
    @Autowired
    RequestService requests;
    @Autowired
    SandboxStore sandbox;
    @Autowired
    SandboxProperties sandboxProperties;
    @Autowired
    ConnectionService connections;
    @Autowired
    ProvisioningLog callLog;

    Person admin;
    Person employee;

    @BeforeEach
    void createPeople() {
        admin = fixtures.person("Ada Admin", null, true);
        employee = fixtures.person("Emma Employee", null, false);
    }

    @BeforeEach
    void awaitQuietEngine() {
        QuietEngine.awaitNoQueuedJobs(management, TIMEOUT);
    }

    @AfterEach
    void restoreSandbox() {
        sandbox.setRefreshToken(sandboxProperties.refreshToken());
    }

    @Test
    void serviceUnavailableRetriesThenProvisions() {
        long app = publish(ApproverType.NONE);
        sandbox.injectFaults(SandboxFault.serviceUnavailable(SandboxOperation.CREATE_USER));

        RequestView request = requests.submit(employee.getId(), app, "Need access");

        awaitStatus(request.id(), RequestStatus.PROVISIONED);
        assertThat(messages(request.id())).anyMatch(message -> message.startsWith("Attempt 1 failed"));
        assertThat(sandbox.createdUserCount(employee.getEmail())).isEqualTo(1);
    }

    @Test
    void exhaustedRetriesFailAndAdminRetryProvisions() {
        long app = publish(ApproverType.NONE);
        sandbox.injectFaults(SandboxFault.serviceUnavailable(SandboxOperation.CREATE_USER).times(3));

        RequestView request = requests.submit(employee.getId(), app, "Need access");

        awaitStatus(request.id(), RequestStatus.FAILED);
        assertThat(requests.get(request.id()).statusDetail()).contains("Gave up after 3 attempts");

        requests.retryProvisioning(request.id(), TestFixtures.signedIn(admin));

        awaitStatus(request.id(), RequestStatus.PROVISIONED);
        assertThat(sandbox.createdUserCount(employee.getEmail())).isEqualTo(1);
    }

    @Test
    void invalidProfileFailsAtOnceWithReason() {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        form.setGroupsObjectId(UNKNOWN_PROFILE);
        long app = fixtures.publish(form, admin);

        RequestView request = requests.submit(employee.getId(), app, "Need access");

        awaitStatus(request.id(), RequestStatus.FAILED);
        RequestView failed = requests.get(request.id());
        assertThat(failed.statusDetail()).contains(UNKNOWN_PROFILE);
        assertThat(messages(request.id())).noneMatch(message -> message.startsWith("Attempt"));
    }

    @Test
    void expiredAccessTokenRefreshesOnce() {
        long app = publish(ApproverType.NONE);
        RequestView first = requests.submit(employee.getId(), app, "First person");
        awaitStatus(first.id(), RequestStatus.PROVISIONED);
        int refreshesBefore = sandbox.tokenRefreshCount();
        sandbox.expireAllAccessTokens();

        Person second = fixtures.person("Eli Employee", null, false);
        RequestView request = requests.submit(second.getId(), app, "Second person");

        awaitStatus(request.id(), RequestStatus.PROVISIONED);
        assertThat(sandbox.tokenRefreshCount() - refreshesBefore).isEqualTo(1);
    }

    @Test
    void workingTokenIsReused() {
        long app = publish(ApproverType.NONE);
        RequestView first = requests.submit(employee.getId(), app, "First person");
        awaitStatus(first.id(), RequestStatus.PROVISIONED);
        int refreshesBefore = sandbox.tokenRefreshCount();

        Person second = fixtures.person("Eli Employee", null, false);
        RequestView request = requests.submit(second.getId(), app, "Second person");

        awaitStatus(request.id(), RequestStatus.PROVISIONED);
        assertThat(sandbox.tokenRefreshCount()).isEqualTo(refreshesBefore);
    }

    @Test
    void revokedRefreshTokenHoldsAppUntilNewKeyIsPublished() {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        long app = fixtures.publish(form, admin);
        sandbox.revokeRefreshTokens();

        RequestView first = requests.submit(employee.getId(), app, "Need access");
        awaitStatus(first.id(), RequestStatus.ON_HOLD);
        assertThat(requests.get(first.id()).statusDetail()).contains("invalid_grant");
        assertThat(connections.problems()).extracting(ConnectionProblem::applicationId).contains(app);

        int refreshesWhileHeld = sandbox.tokenRefreshCount();
        Person second = fixtures.person("Eli Employee", null, false);
        RequestView held = requests.submit(second.getId(), app, "Need access too");
        awaitStatus(held.id(), RequestStatus.ON_HOLD);
        assertThat(sandbox.tokenRefreshCount()).isEqualTo(refreshesWhileHeld);

        sandbox.setRefreshToken("new-working-refresh-token");
        form.setNewApiKey("new-working-refresh-token");
        fixtures.republish(app, form, admin);

        awaitStatus(first.id(), RequestStatus.PROVISIONED);
        awaitStatus(held.id(), RequestStatus.PROVISIONED);
        assertThat(connections.problems()).extracting(ConnectionProblem::applicationId).doesNotContain(app);
    }

    @Test
    void provisioningLogRecordsCallsWithoutSecrets() {
        long app = publish(ApproverType.NONE);
        RequestView request = requests.submit(employee.getId(), app, "Need access");
        awaitStatus(request.id(), RequestStatus.PROVISIONED);

        List<LoggedCall> calls = callLog.calls(request.id(), TestFixtures.signedIn(admin));

        assertThat(calls).extracting(LoggedCall::method).contains("POST");
        assertThat(calls).anyMatch(call -> call.path().endsWith("/Users") && call.status() == 201);
        assertThat(calls).allMatch(call -> !call.message().contains(sandboxProperties.clientSecret()));
        assertThat(calls).allMatch(call -> !call.path().contains(sandboxProperties.refreshToken()));
    }

    private long publish(ApproverType approverType) {
        return fixtures.publish(fixtures.sandboxForm(port, approverType, null), admin);
    }

    private void awaitStatus(long requestId, RequestStatus expected) {
        await().atMost(TIMEOUT).until(() -> requests.get(requestId).status() == expected);
    }

    private List<String> messages(long requestId) {
        return requests.history(requestId).stream().map(HistoryEntry::message).toList();
    }
}
