package dev.grantflow.benchmark;

import static org.awaitility.Awaitility.await;

import dev.grantflow.approval.ApprovalTask;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.security.SignedInPerson;
import dev.grantflow.testing.TestFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Scenario 1: time from a manager's approval to the SCIM create arriving at the sandbox, over sequential
 * requests. The clock starts before {@code ApprovalService.decide} and stops when the sandbox announces the
 * POST /Users, before its added latency.
 */
final class LatencyScenario {

    static final String NAME = "1. Latency, approval to SCIM create";

    /** Requests before the measured runs, so the JIT compiler has seen the whole path once. */
    private static final int WARM_UP_REQUESTS = 20;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final BenchmarkApp app;
    private final BenchmarkSettings settings;
    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();

    LatencyScenario(BenchmarkApp app, BenchmarkSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    List<Figure> run() throws InterruptedException {
        app.sandbox.setLatency(settings.latencyDelay());
        app.sandbox.setCreateListener(userName -> arrival(userName).complete(System.nanoTime()));
        Person admin = app.admin();
        measureRun(admin, WARM_UP_REQUESTS);

        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            List<Double> millis = measureRun(admin, settings.latencyRequests());
            p50.add(Figure.percentile(millis, 50));
            p95.add(Figure.percentile(millis, 95));
            max.add(Figure.percentile(millis, 100));
            BenchmarkRunner.progress("latency run %d on %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms", run, app.database,
                    p50.getLast(), p95.getLast(), max.getLast());
        }
        app.sandbox.setCreateListener(null);
        app.sandbox.setLatency(Duration.ZERO);

        String note = settings.latencyRequests() + " sequential requests per run on " + app.database
                + ", sandbox latency " + settings.latencyDelay().toMillis() + " ms per call";
        return List.of(
                Figure.of(NAME, "p50 (ms), " + app.database, 1, p50).target("< 150 ms", median -> median < 150).note(note),
                Figure.of(NAME, "p95 (ms), " + app.database, 1, p95).target("< 500 ms", median -> median < 500),
                Figure.of(NAME, "max (ms), " + app.database, 1, max));
    }

    /** Submits and approves {@code count} requests one after another and returns each latency in milliseconds. */
    private List<Double> measureRun(Person admin, int count) throws InterruptedException {
        long applicationId = app.publishSandboxApplication(ApproverType.MANAGER, admin);
        Person manager = app.fixtures.person("Latency Manager", null, false);
        List<Person> requesters = app.people("Latency Requester", count, manager);
        SignedInPerson approver = TestFixtures.signedIn(manager);

        List<Double> millis = new ArrayList<>(count);
        for (Person requester : requesters) {
            RequestView request = app.requests.submit(requester.getId(), applicationId, "Benchmark latency");
            ApprovalTask task = app.approvals.inbox(approver, 0, 10).stream()
                    .filter(candidate -> candidate.requestId() == request.id())
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "No approval task for request " + request.id() + " in the manager's inbox"));
            CompletableFuture<Long> arrived = arrival(requester.getEmail());

            long approvedAt = System.nanoTime();
            app.approvals.decide(task.taskId(), approver, true, "");
            long arrivedAt = awaitArrival(arrived, requester.getEmail());
            millis.add((arrivedAt - approvedAt) / 1e6);

            await().atMost(STEP_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> app.requests.get(request.id()).status() == RequestStatus.PROVISIONED);
            arrivals.remove(key(requester.getEmail()));
        }
        return millis;
    }

    private CompletableFuture<Long> arrival(String userName) {
        return arrivals.computeIfAbsent(key(userName), unused -> new CompletableFuture<>());
    }

    private static long awaitArrival(CompletableFuture<Long> arrived, String userName) throws InterruptedException {
        try {
            return arrived.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The SCIM create for " + userName + " did not arrive within "
                    + STEP_TIMEOUT.toSeconds() + " s of the approval", e);
        }
    }

    private static String key(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }
}
