package dev.grantflow.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import dev.grantflow.provisioning.TestTargets.RecordingListener;

/**
 * Starts one {@link FakeScimServer} per test class and builds fresh clients for each test. The token store
 * holds the fake's refresh token for both test apps, but no access token.
 */
abstract class FakeServerTestSupport {

    static FakeScimServer server;

    InMemoryTokenStore store;
    AccessTokenProvider tokens;
    ScimClient client;
    ScimTarget salesforce;
    ScimTarget generic;
    RecordingListener listener;
    final List<ProvisioningException> failures = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = FakeScimServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createClients() {
        server.reset();
        salesforce = TestTargets.salesforce(server);
        generic = TestTargets.generic(server);
        store = new InMemoryTokenStore();
        store.putRefreshToken(salesforce.appKey(), server.currentRefreshToken());
        store.putRefreshToken(generic.appKey(), server.currentRefreshToken());
        tokens = new AccessTokenProvider(store, TestTargets.properties());
        client = new ScimClient(TestTargets.properties(), tokens);
        listener = new RecordingListener();
    }

    @AfterEach
    void closeClients() {
        client.close();
        tokens.close();
    }

    /** Stores an access token that the fake accepts, so that the test starts without a refresh. */
    void storeValidAccessToken(ScimTarget target) {
        store.putAccessToken(target.appKey(), new CachedAccessToken(server.issueAccessToken(), null));
    }

    /** Runs the call, expects a {@link ProvisioningException}, and checks that its message contains no secret. */
    ProvisioningException capture(Runnable call) {
        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class, call::run);
        assertThat(failure).as("expected a ProvisioningException").isNotNull();
        failures.add(failure);
        assertNoSecretIn(List.of(failure.getMessage()));
        return failure;
    }

    /** Checks that no token that the fake issued, and not the client secret, occurs in any of the texts. */
    void assertNoSecretIn(List<String> texts) {
        assertThat(texts).isNotEmpty();
        for (String text : texts) {
            assertThat(text).doesNotContain(server.issuedSecrets).doesNotContain(FakeScimServer.CLIENT_SECRET);
        }
    }
}
