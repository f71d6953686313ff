package dev.grantflow.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.SalesforceIds;
import dev.grantflow.directory.Person;
import dev.grantflow.provisioning.ConnectionCheck.Result;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.security.SystemActor;
import dev.grantflow.testing.TestFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link ConnectionTest} against the sandbox over real HTTP: a working draft, and each step failing on its
 * own setting while the later steps are skipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConnectionTestSandboxTest {

    private static final String UNKNOWN_PROFILE = SalesforceIds.to18("00e5g000009ZzZz");

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    CatalogService catalog;
    @Autowired
    ConnectionTest connectionTest;
    @Autowired
    ConnectionService connections;
    @Autowired
    SandboxStore sandbox;

    Person admin;

    @BeforeEach
    void createAdmin() {
        admin = fixtures.person("Ada Admin", null, true);
    }

    @Test
    void workingDraftPassesEveryStep() {
        List<ConnectionCheck> checks = test(fixtures.sandboxForm(port, ApproverType.NONE, null));

        assertThat(checks).extracting(ConnectionCheck::result).containsExactly(Result.PASSED, Result.PASSED, Result.PASSED);
        assertThat(checks.get(2).name()).contains(SandboxStore.STANDARD_USER_PROFILE_ID);
        assertThat(checks.get(2).detail()).contains("Standard User");
        assertThat(checks).allMatch(check -> check.fix() == null);
    }

    @Test
    void listenerReceivesEachStepInOrder() {
        List<ConnectionCheck> received = new ArrayList<>();
        long app = draft(fixtures.sandboxForm(port, ApproverType.NONE, null));

        List<ConnectionCheck> checks = SystemActor.callAsAdmin(() -> connectionTest.run(app, admin.getId(), received::add));

        assertThat(received).isEqualTo(checks);
    }

    @Test
    void wrongClientSecretFailsTokenStep() {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        form.setNewClientSecret("wrong-secret");

        List<ConnectionCheck> checks = test(form);

        assertThat(checks).extracting(ConnectionCheck::result).containsExactly(Result.FAILED, Result.SKIPPED, Result.SKIPPED);
        assertThat(checks.get(0).detail()).contains("invalid_client");
        assertThat(checks.get(0).fix()).contains("Client secret");
        assertThat(checks.get(1).duration()).isZero();
    }

    @Test
    void wrongBasePathFailsConfigurationStep() {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        form.setBaseUri("http://localhost:" + port + "/sandbox/elsewhere/services/scim/v2");

        List<ConnectionCheck> checks = test(form);

        // Grantflow's own server returns its HTML page for unknown paths, as a proxy in front of an app might.
        assertThat(checks).extracting(ConnectionCheck::result).containsExactly(Result.PASSED, Result.FAILED, Result.SKIPPED);
        assertThat(checks.get(1).detail()).contains("/ServiceProviderConfigs").contains("instead of JSON");
        assertThat(checks.get(1).fix()).contains("Base URI");
    }

    @Test
    void unknownProfileFailsProfileStep() {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        form.setGroupsObjectId(UNKNOWN_PROFILE);

        List<ConnectionCheck> checks = test(form);

        assertThat(checks).extracting(ConnectionCheck::result).containsExactly(Result.PASSED, Result.PASSED, Result.FAILED);
        assertThat(checks.get(2).detail()).contains("404");
        assertThat(checks.get(2).fix()).contains("Groups Object ID").contains("00e");
    }

    @Test
    void missingSettingFailsFirstStep() {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        form.setBaseUri("");

        List<ConnectionCheck> checks = test(form);

        assertThat(checks).extracting(ConnectionCheck::result).containsExactly(Result.FAILED, Result.SKIPPED, Result.SKIPPED);
        assertThat(checks.get(0).detail()).contains("Base URI").contains("is missing");
        assertThat(checks.get(0).fix()).contains("Complete the settings");
    }

    @Test
    void failedDraftTestLeavesLiveConnectionAlone() {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        long app = fixtures.publish(form, admin);
        form.setNewClientSecret("wrong-secret");
        SystemActor.callAsAdmin(() -> {
            catalog.saveDraft(app, form, admin.getId());
            return app;
        });

        List<ConnectionCheck> checks = SystemActor.callAsAdmin(() -> connectionTest.run(app, admin.getId(), check -> { }));

        assertThat(checks.get(0).result()).isEqualTo(Result.FAILED);
        assertThat(connections.reauthorizationNeeded(app)).isEmpty();
    }

    private List<ConnectionCheck> test(ApplicationForm form) {
        long app = draft(form);
        return SystemActor.callAsAdmin(() -> connectionTest.run(app, admin.getId(), check -> { }));
    }

    private long draft(ApplicationForm form) {
        return SystemActor.callAsAdmin(() -> catalog.create(form, admin.getId()));
    }
}
