package dev.grantflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.testing.MariaDbTestDatabase;
import dev.grantflow.testing.TestFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two nodes refresh one application's expired access token at the same time while the target rotates
 * refresh tokens. Each node must end up with a working token, and no request may be put on hold.
 */
@Tag("mariadb")
@Disabled("NOTE: AccessTokenProvider serializes refreshes per JVM only. Both nodes send the same refresh "
        + "token, the sandbox revokes it on the first refresh, the second gets invalid_grant, and the "
        + "application's requests go on hold although the stored rotated token works.")
class TwoNodeTokenRotationTest {

    private static final int REQUESTS_PER_NODE = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<RequestStatus> SETTLED = Set.of(RequestStatus.PROVISIONED, RequestStatus.ON_HOLD,
            RequestStatus.FAILED);

    static MariaDbTestDatabase database;
    static ClusterNode nodeA;
    static ClusterNode nodeB;
    static SecurityContextHolderStrategy securityStrategyBefore;

    @BeforeAll
    static void startNodes() {
        securityStrategyBefore = SecurityContextHolder.getContextHolderStrategy();
        database = MariaDbTestDatabase.create();
        nodeA = ClusterNode.start("rotation-node-a", database);
        nodeB = ClusterNode.start("rotation-node-b", database);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (database != null) {
            database.close();
        }
        SecurityContextHolder.setContextHolderStrategy(securityStrategyBefore);
    }

    @Test
    void concurrentRefreshesWithRotationHoldNoRequest() {
        TestFixtures fixtures = nodeA.bean(TestFixtures.class);
        SandboxStore sandbox = nodeA.bean(SandboxStore.class);
        Person admin = fixtures.person("Ada Admin", null, true);
        long app = nodeA.callAsAdmin(() -> fixtures.publish(
                fixtures.sandboxForm(nodeA.port(), ApproverType.NONE, null), admin));
        List<Person> forA = new ArrayList<>();
        List<Person> forB = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_NODE; i++) {
            forA.add(fixtures.person("Rotation Person", null, false));
            forB.add(fixtures.person("Rotation Person", null, false));
        }
        sandbox.setRotateRefreshTokens(true);
        sandbox.expireAllAccessTokens();

        CompletableFuture<List<Long>> onA = CompletableFuture.supplyAsync(() -> submit(nodeA, forA, app));
        CompletableFuture<List<Long>> onB = CompletableFuture.supplyAsync(() -> submit(nodeB, forB, app));
        List<Long> requestIds = new ArrayList<>(onA.join());
        requestIds.addAll(onB.join());

        RequestService requests = nodeA.bean(RequestService.class);
        await().atMost(TIMEOUT).until(() -> requests.getAll(requestIds).values().stream()
                .allMatch(request -> SETTLED.contains(request.status())));
        List<Long> heldRequestIds = requests.getAll(requestIds).values().stream()
                .filter(request -> request.status() == RequestStatus.ON_HOLD)
                .map(RequestView::id)
                .collect(Collectors.toList());
        assertThat(heldRequestIds).as("requests on hold after concurrent refreshes").isEmpty();
    }

    private static List<Long> submit(ClusterNode node, List<Person> people, long app) {
        RequestService requests = node.bean(RequestService.class);
        return people.stream()
                .map(person -> requests.submit(person.getId(), app, "Rotation test on " + node.name()).id())
                .toList();
    }
}
