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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two Grantflow nodes on one MariaDB database provision 500 requests into node A's sandbox. Node B stops
 * abruptly part-way while it has jobs locked, and node A must take them over and finish every request, creating
 * each user exactly once.
 *
 * <p>Both nodes are Spring contexts with their own web servers in this JVM, so the test can submit requests
 * through each node's services and read node A's sandbox counters directly. Node B runs with
 * {@code unlock-owned-jobs=false}, so the jobs it has locked when it stops stay locked, as after a crash, and node
 * A gets them only once their locks expire.
 */
@Tag("mariadb")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TwoNodeProvisioningTest {

    private static final Logger log = LoggerFactory.getLogger(TwoNodeProvisioningTest.class);

    private static final int PEOPLE = 500;
    private static final int SUBMITTED_BEFORE_STOP = 300;
    // Added to every sandbox request, so a job takes about 0.35 seconds (a lookup and a create). Node B runs
    // one job thread, so its requests arrive faster than it runs them and it always has a backlog: one
    // running job and up to 16 queued ones (the mariadb profile's queue capacity).
    private static final Duration SANDBOX_LATENCY = Duration.ofMillis(150);
    // The production profile locks a job for 5 minutes. Here a lock expires after 20 seconds, so node A takes
    // over node B's jobs soon after B stops. That is still about three times the longest a job here is locked
    // while it waits and runs (17 jobs of 0.35 seconds on node B), so no node loses a live job to the other.
    private static final String LOCK_TIME = "PT20S";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROVISIONING_TIMEOUT = Duration.ofMinutes(3);

    static MariaDbTestDatabase database;
    static MariaDbTestDatabase otherFlowableDatabase;
    static ClusterNode nodeA;
    static ClusterNode nodeB;
    static SecurityContextHolderStrategy securityStrategyBefore;

    @BeforeAll
    static void startNodes() throws Exception {
        securityStrategyBefore = SecurityContextHolder.getContextHolderStrategy();
        database = MariaDbTestDatabase.create();
        // Another environment's Flowable tables on the same server must not make Flowable skip creating its
        // tables in this empty database (the mariadb profile's nullDatabaseMeansCurrent).
        otherFlowableDatabase = MariaDbTestDatabase.create();
        otherFlowableDatabase.execute("CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, "
                + "VALUE_ VARCHAR(300), REV_ INT)");
        otherFlowableDatabase.execute("INSERT INTO ACT_GE_PROPERTY VALUES ('common.schema.version', '8.0.0.0', 1)");

        // Both nodes start at the same time on the empty database, as a fresh cluster would.
        CompletableFuture<ClusterNode> startingA = CompletableFuture.supplyAsync(() -> startNode("node-a", 8, true));
        CompletableFuture<ClusterNode> startingB = CompletableFuture.supplyAsync(() -> startNode("node-b", 1, false));
        try {
            CompletableFuture.allOf(startingA, startingB).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            nodeA = startedNode(startingA);
            nodeB = startedNode(startingB);
        }
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null && nodeB.isRunning()) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (database != null) {
            database.close();
        }
        if (otherFlowableDatabase != null) {
            otherFlowableDatabase.close();
        }
        SecurityContextHolder.setContextHolderStrategy(securityStrategyBefore);
    }

    @Test
    void stoppedNodeJobsRunExactlyOnce() throws Exception {
        TestFixtures fixtures = nodeA.bean(TestFixtures.class);
        SandboxStore sandbox = nodeA.bean(SandboxStore.class);
        Person admin = fixtures.person("Ada Admin", null, true);
        long app = nodeA.callAsAdmin(() -> fixtures.publish(
                fixtures.sandboxForm(nodeA.port(), ApproverType.NONE, null), admin));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(fixtures.person("Cluster Person", null, false));
        }
        sandbox.setLatency(SANDBOX_LATENCY);

        List<Long> requestIds = submitOnBothNodes(people.subList(0, SUBMITTED_BEFORE_STOP), app);
        long heldByNodeB = nodeA.jobsLockedBy(nodeB.name());
        nodeB.stopAbruptly();
        long leftLockedByNodeB = nodeA.jobsLockedBy(nodeB.name());
        requestIds.addAll(submit(nodeA, people.subList(SUBMITTED_BEFORE_STOP, PEOPLE), app));

        RequestService requests = nodeA.bean(RequestService.class);
        await().atMost(PROVISIONING_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(notProvisioned(requests, requestIds)).isEmpty());
        sandbox.setLatency(Duration.ZERO);
        log.info("Two-node run finished, requests={} heldByNodeBAtStop={} leftLockedByNodeB={} "
                        + "usersWithRepeatedCreate={} tokenRefreshes={}", requestIds.size(), heldByNodeB,
                leftLockedByNodeB, usersWithRepeatedCreate(sandbox, people).size(), sandbox.tokenRefreshCount());

        assertThat(leftLockedByNodeB).as("jobs still locked by node B after it stopped").isPositive();
        assertThat(requestIds).as("submitted requests").hasSize(PEOPLE);
        assertThat(usersNotCreatedOnce(sandbox, people)).as("userNames created other than once").isEmpty();
        assertThat(duplicatedUserNames(sandbox)).as("userNames with more than one sandbox user").isEmpty();
        ManagementService management = nodeA.bean(ManagementService.class);
        assertThat(management.createJobQuery().count()).as("runnable jobs left").isZero();
        assertThat(management.createTimerJobQuery().count()).as("timer jobs left").isZero();
        assertThat(management.createDeadLetterJobQuery().count()).as("dead-letter jobs left").isZero();
        assertThat(management.createSuspendedJobQuery().count()).as("suspended jobs left").isZero();
        assertThat(nodeA.bean(RuntimeService.class).createProcessInstanceQuery().count())
                .as("process instances still running").isZero();
    }

    private static ClusterNode startNode(String name, int jobThreads, boolean releaseJobsOnStop) {
        return ClusterNode.start(name, database,
                "flowable.process.async.executor.async-job-lock-time=" + LOCK_TIME,
                "flowable.process.async.executor.timer-lock-time=" + LOCK_TIME,
                "flowable.process.async.executor.reset-expired-jobs-interval=PT1S",
                "flowable.process.async.executor.unlock-owned-jobs=" + releaseJobsOnStop,
                "spring.task.execution.pool.core-size=" + jobThreads,
                "spring.task.execution.pool.max-size=" + jobThreads,
                "spring.task.execution.thread-name-prefix=" + name + "-task-");
    }

    private static ClusterNode startedNode(CompletableFuture<ClusterNode> starting) {
        return starting.isDone() && !starting.isCompletedExceptionally() ? starting.join() : null;
    }

    /** Submits the requests of even-numbered people on node A and the rest on node B, both at once. */
    private static List<Long> submitOnBothNodes(List<Person> people, long app) throws Exception {
        List<Person> forA = new ArrayList<>();
        List<Person> forB = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            (i % 2 == 0 ? forA : forB).add(people.get(i));
        }
        ExecutorService submitters = Executors.newFixedThreadPool(2);
        try {
            var onA = submitters.submit(() -> submit(nodeA, forA, app));
            var onB = submitters.submit(() -> submit(nodeB, forB, app));
            List<Long> ids = new ArrayList<>(onA.get(2, TimeUnit.MINUTES));
            ids.addAll(onB.get(2, TimeUnit.MINUTES));
            return ids;
        } finally {
            submitters.shutdownNow();
        }
    }

    private static List<Long> submit(ClusterNode node, List<Person> people, long app) {
        RequestService requests = node.bean(RequestService.class);
        List<Long> ids = new ArrayList<>();
        for (Person person : people) {
            ids.add(requests.submit(person.getId(), app, "Cluster test on " + node.name()).id());
        }
        return ids;
    }

    private static Map<Long, RequestStatus> notProvisioned(RequestService requests, List<Long> requestIds) {
        return requests.getAll(requestIds).values().stream()
                .filter(request -> request.status() != RequestStatus.PROVISIONED)
                .collect(Collectors.toMap(RequestView::id, RequestView::status));
    }

    private static Map<String, Integer> usersNotCreatedOnce(SandboxStore sandbox, List<Person> people) {
        return people.stream()
                .map(Person::getEmail)
                .filter(userName -> sandbox.createdUserCount(userName) != 1)
                .collect(Collectors.toMap(Function.identity(), sandbox::createdUserCount));
    }

    private static Set<String> usersWithRepeatedCreate(SandboxStore sandbox, List<Person> people) {
        return people.stream()
                .map(Person::getEmail)
                .filter(userName -> sandbox.createUserCount(userName) > 1)
                .collect(Collectors.toSet());
    }

    private static Set<String> duplicatedUserNames(SandboxStore sandbox) {
        return sandbox.users().stream()
                .collect(Collectors.groupingBy(user -> user.userName().toLowerCase(), Collectors.counting()))
                .entrySet().stream()
                .filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
