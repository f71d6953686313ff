package dev.grantflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.grantflow.catalog.ApproverType;
import org.flowable.engine.ManagementService;
import dev.grantflow.directory.Person;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Many provisioning jobs at once against the sandbox: one token refresh for all when the token expires,
 * no invalid_grant when refresh tokens rotate, and recovery from the faults a proxy or a slow org causes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class ConcurrentProvisioningTest {

    private static final int JOBS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

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

    Person admin;
    long app;

    @BeforeEach
    void publishWithWorkingToken() {
        admin = fixtures.person("Ada Admin", null, true);
        app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.NONE, null), admin);
        RequestView first = requests.submit(fixtures.person("First Person", null, false).getId(), app, "Warm up");
        awaitAll(List.of(first), RequestStatus.PROVISIONED);
    }

    @BeforeEach
    void awaitQuietEngine() {
        QuietEngine.awaitNoQueuedJobs(management, TIMEOUT);
    }

    @AfterEach
    void restoreSandbox() {
        sandbox.setRotateRefreshTokens(false);
        sandbox.setRefreshToken(sandboxProperties.refreshToken());
    }

    @Test
    void expiredTokenMidBatchRefreshesOnce() {
        int refreshesBefore = sandbox.tokenRefreshCount();
        sandbox.expireAllAccessTokens();

        List<RequestView> batch = submitBatch();

        awaitAll(batch, RequestStatus.PROVISIONED);
        assertThat(sandbox.tokenRefreshCount() - refreshesBefore).isEqualTo(1);
    }

    @Test
    void rotatingRefreshTokensNeverFailBatch() {
        sandbox.setRotateRefreshTokens(true);
        sandbox.expireAllAccessTokens();

        List<RequestView> batch = submitBatch();

        awaitAll(batch, RequestStatus.PROVISIONED);
        sandbox.expireAllAccessTokens();
        List<RequestView> secondBatch = submitBatch();
        awaitAll(secondBatch, RequestStatus.PROVISIONED);
    }

    @Test
    void readTimeoutIsRetried() {
        sandbox.injectFaults(SandboxFault.delay(SandboxOperation.CREATE_USER, Duration.ofSeconds(3)));

        awaitAll(List.of(submitOne("Slow Org")), RequestStatus.PROVISIONED);
    }

    @Test
    void htmlBadGatewayIsRetried() {
        sandbox.injectFaults(SandboxFault.badGateway(SandboxOperation.CREATE_USER));

        awaitAll(List.of(submitOne("Proxy Error")), RequestStatus.PROVISIONED);
    }

    @Test
    void truncatedJsonIsRetried() {
        sandbox.injectFaults(SandboxFault.truncatedJson(SandboxOperation.LIST_USERS));

        awaitAll(List.of(submitOne("Cut Short")), RequestStatus.PROVISIONED);
    }

    @Test
    void oversizedBodyIsRetried() {
        sandbox.injectFaults(SandboxFault.oversizedBody(SandboxOperation.LIST_USERS, 2 * 1024 * 1024));

        awaitAll(List.of(submitOne("Too Big")), RequestStatus.PROVISIONED);
    }

    @Test
    void requestLimitIsRetried() {
        sandbox.injectFaults(SandboxFault.requestLimitExceeded(SandboxOperation.CREATE_USER));

        awaitAll(List.of(submitOne("Over Limit")), RequestStatus.PROVISIONED);
    }

    private RequestView submitOne(String name) {
        return requests.submit(fixtures.person(name, null, false).getId(), app, "Need access");
    }

    private List<RequestView> submitBatch() {
        List<RequestView> batch = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            batch.add(submitOne("Batch Person"));
        }
        return batch;
    }

    private void awaitAll(List<RequestView> batch, RequestStatus expected) {
        await().atMost(TIMEOUT).until(() -> batch.stream().allMatch(request -> requests.get(request.id()).status() == expected));
        for (RequestView request : batch) {
            assertThat(requests.get(request.id()).status()).isEqualTo(expected);
        }
    }
}
