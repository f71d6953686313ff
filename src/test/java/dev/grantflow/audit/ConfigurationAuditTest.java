package dev.grantflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.sandbox.SandboxProperties;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.testing.TestFixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Creating, saving and publishing applications, and changes of their connections, each leave one audit row
 * with the right actor, action, target and outcome, and no row ever contains a secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConfigurationAuditTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    CatalogService catalog;
    @Autowired
    RequestService requests;
    @Autowired
    AuditService audit;
    @Autowired
    SandboxStore sandbox;
    @Autowired
    SandboxProperties sandboxProperties;

    Person admin;
    Person employee;
    AuditRows rows;
    ApplicationForm form;

    @BeforeEach
    void createPeople() {
        admin = fixtures.person("Ada Admin", null, true);
        employee = fixtures.person("Emma Employee", null, false);
        rows = new AuditRows(audit, admin);
        form = fixtures.sandboxForm(port, ApproverType.NONE, null);
    }

    @AfterEach
    void restoreSandbox() {
        sandbox.setRefreshToken(sandboxProperties.refreshToken());
    }

    @Test
    void createIsAudited() {
        long app = fixtures.publish(form, admin);

        AuditEntry created = rows.onlyRow(form.getName(), AuditAction.APPLICATION_CREATED);

        assertThat(created.actorId()).isEqualTo(admin.getId());
        assertThat(created.actorName()).isEqualTo("Ada Admin");
        assertThat(created.targetType()).isEqualTo(AuditTargetType.APPLICATION);
        assertThat(created.targetId()).isEqualTo(String.valueOf(app));
        assertThat(created.targetName()).isEqualTo(form.getName());
        assertThat(created.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    void publishIsAudited() {
        long app = fixtures.publish(form, admin);

        AuditEntry published = rows.onlyRow(form.getName(), AuditAction.APPLICATION_PUBLISHED);

        assertThat(published.actorId()).isEqualTo(admin.getId());
        assertThat(published.targetId()).isEqualTo(String.valueOf(app));
        assertThat(published.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(published.detail()).isEqualTo("Published version 1. API key changed.");
    }

    @Test
    void draftSaveIsAudited() {
        long app = fixtures.publish(form, admin);
        form.setDescription("Changed description");

        fixtures.republish(app, form, admin);

        AuditEntry saved = rows.onlyRow(form.getName(), AuditAction.APPLICATION_DRAFT_SAVED);
        assertThat(saved.actorId()).isEqualTo(admin.getId());
        assertThat(saved.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    void connectionResetNamesPublishingAdmin() {
        AuditTesting.as(admin, () -> catalog.publish(catalog.create(form, admin.getId()), admin.getId()));

        AuditEntry connected = rows.onlyRow(form.getName(), AuditAction.CONNECTION_STATUS_CHANGED);
        assertThat(connected.actorId()).isEqualTo(admin.getId());
        assertThat(connected.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(connected.detail()).contains("API key changed");
    }

    @Test
    void heldProvisioningAndReconnectAreAudited() {
        long app = fixtures.publish(form, admin);
        sandbox.revokeRefreshTokens();
        RequestView request = requests.submit(employee.getId(), app, "Need access");
        awaitStatus(request.id(), RequestStatus.ON_HOLD);

        sandbox.setRefreshToken("new-working-refresh-token");
        form.setNewApiKey("new-working-refresh-token");
        fixtures.republish(app, form, admin);

        AuditEntry broken = rows.awaitRow(form.getName(), AuditAction.CONNECTION_STATUS_CHANGED, AuditOutcome.FAILURE);
        assertThat(broken.actorName()).isEqualTo("Grantflow");
        assertThat(broken.detail()).contains("invalid_grant");
        AuditEntry onHold = rows.awaitRow(form.getName(), AuditAction.PROVISIONING, AuditOutcome.ON_HOLD);
        assertThat(onHold.targetId()).isEqualTo(String.valueOf(request.id()));
        AuditEntry resumed = rows.onlyRow(form.getName(), AuditAction.PROVISIONING_RESUMED);
        assertThat(resumed.targetId()).isEqualTo(String.valueOf(request.id()));
        AuditEntry provisioned = rows.awaitRow(form.getName(), AuditAction.PROVISIONING, AuditOutcome.SUCCESS);
        assertThat(provisioned.targetId()).isEqualTo(String.valueOf(request.id()));
    }

    @Test
    void secretsNeverReachAuditRows() {
        long app = fixtures.publish(form, admin);
        RequestView request = requests.submit(employee.getId(), app, "Need access");
        awaitStatus(request.id(), RequestStatus.PROVISIONED);
        String newApiKey = "rotated-api-key-" + UUID.randomUUID();
        String newClientSecret = "rotated-client-secret-" + UUID.randomUUID();
        form.setNewApiKey(newApiKey);
        form.setNewClientSecret(newClientSecret);

        fixtures.republish(app, form, admin);

        List<AuditEntry> entries = rows.forTarget(form.getName());
        String csv = rows.csv(AuditFilter.forTarget(form.getName()));
        assertThat(entries).extracting(AuditEntry::action).contains(AuditAction.PROVISIONING);
        assertThat(entries).filteredOn(row -> row.action() == AuditAction.APPLICATION_PUBLISHED)
                .extracting(AuditEntry::detail)
                .containsExactly("Published version 2. API key changed.", "Published version 1. API key changed.");
        for (String secret : List.of(sandboxProperties.refreshToken(), sandboxProperties.clientSecret(), newApiKey,
                newClientSecret)) {
            assertThat(entries).noneMatch(row -> row.toString().contains(secret));
            assertThat(csv).doesNotContain(secret);
        }
    }

    private void awaitStatus(long requestId, RequestStatus expected) {
        await().atMost(TIMEOUT).until(() -> requests.get(requestId).status() == expected);
    }
}
