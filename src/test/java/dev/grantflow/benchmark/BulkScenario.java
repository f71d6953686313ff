package dev.grantflow.benchmark;

import com.sun.management.OperatingSystemMXBean;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.sandbox.SandboxOperation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Scenario 2: throughput of auto-approved requests against a sandbox that adds a fixed latency per call,
 * from the first submission to the last request shown as Provisioned.
 *
 * <p>The physical limit is {@code C} concurrent calls per application, each taking at least the added
 * latency, so at most {@code C / latency} calls per second. Calls counted are the SCIM requests that reached
 * the sandbox: the lookup (GET /Users) and the create (POST /Users) of each provisioning. Token requests,
 * one per run, are left out.
 */
final class BulkScenario {

    static final String NAME = "2. Bulk, auto-approved";
    private static final String SUBMIT_THREAD_PREFIX = "bulk-submit-";

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    /** MariaDB counters that show the cost of durable commits: transactions committed and fsync calls. */
    private static final List<String> SERVER_COUNTERS = List.of("Com_commit", "Innodb_data_fsyncs");
    /** Requests of an unmeasured first run, so the JIT compiler has compiled the hot path before the runs. */
    private static final int WARM_UP_REQUESTS = 2_000;

    private final BenchmarkApp app;
    private final BenchmarkSettings settings;
    private final int requestsPerRun;
    private final @Nullable MariaDbDatabase server;

    BulkScenario(BenchmarkApp app, BenchmarkSettings settings, int requestsPerRun) {
        this(app, settings, requestsPerRun, null);
    }

    /** Creates the scenario for MariaDB, whose server counters it reads before and after each run. */
    BulkScenario(BenchmarkApp app, BenchmarkSettings settings, int requestsPerRun, @Nullable MariaDbDatabase server) {
        this.app = app;
        this.settings = settings;
        this.requestsPerRun = requestsPerRun;
        this.server = server;
    }

    List<Figure> run(double minimumRatio) throws Exception {
        Person admin = app.admin();
        List<Person> requesters = app.people("Bulk Requester", requestsPerRun, null);
        int warmUpRequests = Math.min(WARM_UP_REQUESTS, requesters.size());
        RunResult warmUp = measureRun(admin, requesters.subList(0, warmUpRequests));
        BenchmarkRunner.progress("bulk warm-up on %s: %.1f requests/s", app.database, warmUpRequests / warmUp.seconds());

        List<RunResult> results = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            RunResult result = measureRun(admin, requesters);
            results.add(result);
            BenchmarkRunner.progress("bulk run %d on %s: %.1f requests/s, ratio %.2f, CPU %.0f%%, %.1f ms CPU per "
                    + "request", run, app.database, requestsPerRun / result.seconds(), ratio(result),
                    100 * result.cpuShare(), result.cpuSeconds() * 1000 / requestsPerRun);
        }
        app.sandbox.setLatency(Duration.ZERO);
        return figures(results, minimumRatio, warmUpRequests);
    }

    private List<Figure> figures(List<RunResult> results, double minimumRatio, int warmUpRequests) {
        String db = ", " + app.database;
        String note = String.format("%,d requests per run after a warm-up run of %,d, C = %d, %d ms per call, "
                + "limit %.0f calls/s", requestsPerRun, warmUpRequests, app.maxCallsPerApp,
                settings.bulkDelay().toMillis(), callLimit());
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of(NAME, "requests/s end to end" + db, 1, values(results, r -> requestsPerRun / r.seconds()))
                        .note(note),
                Figure.of(NAME, "SCIM calls/s (GET + POST)" + db, 1, values(results, r -> r.calls() / r.seconds())),
                Figure.of(NAME, "ratio calls/s to C / latency" + db, 2, values(results, this::ratio))
                        .target(String.format("≥ %.1f", minimumRatio), median -> median >= minimumRatio),
                Figure.of(NAME, "submission phase (s)" + db, 1, values(results, RunResult::submitSeconds)),
                Figure.of(NAME, "process CPU, share of all cores" + db, 2, values(results, RunResult::cpuShare)),
                Figure.of(NAME, "process CPU per request (ms)" + db, 1,
                        values(results, r -> r.cpuSeconds() * 1000 / requestsPerRun))
                        .note("CPU time of this JVM, which also runs the submitting threads and the sandbox")));
        for (String group : results.getFirst().cpuSecondsByGroup().keySet()) {
            figures.add(Figure.of(NAME, "CPU per request (ms), " + group + db, 1,
                    values(results, r -> r.cpuSecondsByGroup().get(group) * 1000 / requestsPerRun)));
        }
        for (String counter : results.getFirst().serverCounts().keySet()) {
            figures.add(Figure.of(NAME, "server " + counter + " per request" + db, 1,
                    values(results, r -> (double) r.serverCounts().get(counter) / requestsPerRun))
                    .note("SHOW GLOBAL STATUS, server-wide, so other databases on the server add to it"));
        }
        return figures;
    }

    /** Returns the calls per second of a run as a share of the limit {@code C / latency}. */
    private double ratio(RunResult result) {
        return result.calls() / result.seconds() / callLimit();
    }

    private double callLimit() {
        return app.maxCallsPerApp / (settings.bulkDelay().toNanos() / 1e9);
    }

    private static List<Double> values(List<RunResult> results, ToDoubleFunction<RunResult> value) {
        return results.stream().map(result -> value.applyAsDouble(result)).toList();
    }

    private RunResult measureRun(Person admin, List<Person> requesters) throws Exception {
        app.sandbox.reset();
        app.sandbox.setLatency(settings.bulkDelay());
        long applicationId = app.publishSandboxApplication(ApproverType.NONE, admin);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        Map<String, Long> serverBefore = serverCounts();
        long cpuBefore = os.getProcessCpuTime();
        ThreadCpu threadsBefore = ThreadCpu.snapshot();
        long started = System.nanoTime();
        double submitCpuSeconds = submitAll(applicationId, requesters);
        long submitted = System.nanoTime();
        long finished = app.awaitProvisioned(applicationId, requesters.size(), RUN_TIMEOUT);
        long cpuUsed = os.getProcessCpuTime() - cpuBefore;
        Map<String, Long> serverUsed = new LinkedHashMap<>();
        serverCounts().forEach((counter, count) -> serverUsed.put(counter, count - serverBefore.getOrDefault(counter, 0L)));
        Map<String, Double> cpuByGroup = new LinkedHashMap<>();
        cpuByGroup.put("submitting threads", submitCpuSeconds);
        cpuByGroup.putAll(ThreadCpu.snapshot().secondsSince(threadsBefore));
        double threadSeconds = cpuByGroup.values().stream().mapToDouble(Double::doubleValue).sum();
        cpuByGroup.put("GC, JIT compiler and other JVM work", cpuUsed / 1e9 - threadSeconds);

        int calls = app.sandbox.requestCount(SandboxOperation.LIST_USERS)
                + app.sandbox.requestCount(SandboxOperation.CREATE_USER);
        double seconds = (finished - started) / 1e9;
        double cpuShare = cpuUsed / 1e9 / seconds / Runtime.getRuntime().availableProcessors();
        return new RunResult(seconds, (submitted - started) / 1e9, calls, cpuShare, cpuUsed / 1e9, cpuByGroup,
                serverUsed);
    }

    private Map<String, Long> serverCounts() throws SQLException {
        return server == null ? Map.of() : server.globalStatus(SERVER_COUNTERS);
    }

    /** Submits one request per person from {@code submitThreads} threads and returns their CPU seconds. */
    private double submitAll(long applicationId, List<Person> requesters) throws Exception {
        int threads = Math.max(1, settings.submitThreads());
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        DoubleAdder cpuSeconds = new DoubleAdder();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory named = task -> new Thread(task, SUBMIT_THREAD_PREFIX + threadNumber.incrementAndGet());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, named)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int part = 0; part < threads; part++) {
                int first = part;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < requesters.size(); i += threads) {
                        app.requests.submit(requesters.get(i).getId(), applicationId, "Benchmark bulk");
                    }
                    cpuSeconds.add(threadBean.getCurrentThreadCpuTime() / 1e9);
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        }
        return cpuSeconds.sum();
    }

    private record RunResult(double seconds, double submitSeconds, int calls, double cpuShare, double cpuSeconds,
            Map<String, Double> cpuSecondsByGroup, Map<String, Long> serverCounts) {
    }
}
