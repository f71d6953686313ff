package dev.grantflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.request.HistoryEntry;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.sandbox.SandboxUser;
import dev.grantflow.testing.TestFixtures;
import dev.grantflow.testing.TestProfiles;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Revoking provisioned access deactivates the Salesforce user, and a later request reactivates it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class RevocationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    RequestService requests;
    @Autowired
    SandboxStore sandbox;

    Person admin;
    Person employee;
    long app;
    RequestView provisioned;

    @BeforeEach
    void provisionAccess() {
        admin = fixtures.person("Ada Admin", null, true);
        employee = fixtures.person("Emma Employee", null, false);
        app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.NONE, null), admin);
        provisioned = requests.submit(employee.getId(), app, "Need access");
        awaitStatus(provisioned.id(), RequestStatus.PROVISIONED);
    }

    @Test
    void requesterRevokesOwnAccess() {
        requests.revoke(provisioned.id(), TestFixtures.signedIn(employee));

        awaitStatus(provisioned.id(), RequestStatus.REVOKED);
        assertThat(sandboxUser().active()).isFalse();
    }

    @Test
    void adminRevokesAccess() {
        requests.revoke(provisioned.id(), TestFixtures.signedIn(admin));

        awaitStatus(provisioned.id(), RequestStatus.REVOKED);
        assertThat(sandboxUser().active()).isFalse();
    }

    @Test
    void otherRequesterCannotRevoke() {
        Person other = fixtures.person("Eli Employee", null, false);

        assertThatThrownBy(() -> requests.revoke(provisioned.id(), TestFixtures.signedIn(other)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(requests.get(provisioned.id()).status()).isEqualTo(RequestStatus.PROVISIONED);
    }

    @Test
    void newRequestReactivatesRevokedUser() {
        requests.revoke(provisioned.id(), TestFixtures.signedIn(employee));
        awaitStatus(provisioned.id(), RequestStatus.REVOKED);

        RequestView again = requests.submit(employee.getId(), app, "Need it again");

        awaitStatus(again.id(), RequestStatus.PROVISIONED);
        assertThat(sandboxUser().active()).isTrue();
        assertThat(sandbox.createdUserCount(employee.getEmail())).isEqualTo(1);
        assertThat(requests.history(again.id())).extracting(HistoryEntry::message)
                .anyMatch(message -> message.startsWith("Reactivated"));
    }

    private SandboxUser sandboxUser() {
        return sandbox.users().stream()
                .filter(user -> user.userName().equals(employee.getEmail()))
                .findFirst().orElseThrow();
    }

    private void awaitStatus(long requestId, RequestStatus expected) {
        await().atMost(TIMEOUT).until(() -> requests.get(requestId).status() == expected);
    }
}
