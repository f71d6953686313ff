package dev.grantflow.benchmark;

import dev.grantflow.approval.ApprovalTask;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.security.SignedInPerson;
import dev.grantflow.testing.TestFixtures;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenario 4: the first inbox page of one approver with many pending tasks. It times
 * {@code ApprovalService.inbox(person, 0, 50)} and counts the heap that the call allocates on the calling
 * thread, first at a tenth of the tasks and then at all of them, so growth with the task count shows.
 */
final class InboxScenario {

    static final String NAME = "4. Inbox at scale";

    private static final int PAGE_SIZE = 50;
    /** Calls before the timed ones, so the JIT compiler and the caches have seen the query. */
    private static final int WARM_UP_CALLS = 5;
    private static final int TIMED_CALLS = 5;
    /** Requests submitted per transaction while the tasks are created. */
    private static final int SUBMISSIONS_PER_TRANSACTION = 50;
    private static final int SUBMIT_THREADS = 2;

    private final BenchmarkApp app;
    private final BenchmarkSettings settings;

    InboxScenario(BenchmarkApp app, BenchmarkSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    List<Figure> run() throws Exception {
        int total = settings.inboxTasks();
        int first = Math.max(1, total / 10);
        long setupStarted = System.nanoTime();
        Person manager = app.fixtures.person("Inbox Manager", null, false);
        long applicationId = app.publishSandboxApplication(ApproverType.MANAGER, app.admin());
        List<Person> requesters = app.people("Inbox Requester", total, manager);
        SignedInPerson approver = TestFixtures.signedIn(manager);

        submitAll(applicationId, requesters.subList(0, first));
        double setupSeconds = (System.nanoTime() - setupStarted) / 1e9;
        Sample small = measure(approver, first);
        long restStarted = System.nanoTime();
        submitAll(applicationId, requesters.subList(first, total));
        setupSeconds += (System.nanoTime() - restStarted) / 1e9;
        Sample large = measure(approver, total);
        BenchmarkRunner.progress("inbox: %.1f ms at %,d tasks, %.1f ms at %,d tasks, setup %.0f s",
                Figure.percentile(small.millis(), 50), first, Figure.percentile(large.millis(), 50), total, setupSeconds);

        String setupNote = String.format("setup of %,d people and %,d requests through the process: %.0f s "
                + "(%d submissions per transaction, %d threads)", total, total, setupSeconds,
                SUBMISSIONS_PER_TRANSACTION, SUBMIT_THREADS);
        return List.of(
                Figure.of(NAME, String.format("first page (ms), %,d tasks", first), 1, small.millis()),
                Figure.of(NAME, String.format("first page (ms), %,d tasks", total), 1, large.millis())
                        .target("< 100 ms", median -> median < 100).note(setupNote),
                Figure.of(NAME, String.format("heap allocated per call (KB), %,d tasks", first), 0, small.kilobytes()),
                Figure.of(NAME, String.format("heap allocated per call (KB), %,d tasks", total), 0, large.kilobytes())
                        .target("no growth with tasks", median -> median <= 1.5 * Figure.percentile(small.kilobytes(), 50)));
    }

    /** Times the first inbox page at least five times after warming up, and checks what it returns. */
    private Sample measure(SignedInPerson approver, int expectedTasks) {
        long count = app.approvals.countInbox(approver);
        if (count != expectedTasks) {
            throw new IllegalStateException("The inbox holds " + count + " tasks, expected " + expectedTasks);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            app.approvals.inbox(approver, 0, PAGE_SIZE);
        }
        List<Double> millis = new ArrayList<>();
        List<Double> kilobytes = new ArrayList<>();
        for (int run = 0; run < Math.max(TIMED_CALLS, settings.runs()); run++) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            List<ApprovalTask> page = app.approvals.inbox(approver, 0, PAGE_SIZE);
            millis.add((System.nanoTime() - started) / 1e6);
            kilobytes.add((threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / 1024.0);
            if (page.size() != Math.min(PAGE_SIZE, expectedTasks)) {
                throw new IllegalStateException("The first inbox page has " + page.size() + " tasks");
            }
        }
        return new Sample(millis, kilobytes);
    }

    /** Submits the requests in transactions of {@link #SUBMISSIONS_PER_TRANSACTION} from two threads. */
    private void submitAll(long applicationId, List<Person> requesters) throws Exception {
        List<List<Person>> batches = new ArrayList<>();
        for (int from = 0; from < requesters.size(); from += SUBMISSIONS_PER_TRANSACTION) {
            batches.add(requesters.subList(from, Math.min(from + SUBMISSIONS_PER_TRANSACTION, requesters.size())));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(SUBMIT_THREADS)) {
            List<Future<?>> done = new ArrayList<>();
            for (List<Person> batch : batches) {
                done.add(pool.submit(() -> app.transactions.executeWithoutResult(status -> batch.forEach(requester ->
                        app.requests.submit(requester.getId(), applicationId, "Benchmark inbox")))));
            }
            for (Future<?> batch : done) {
                batch.get();
            }
        }
    }

    private record Sample(List<Double> millis, List<Double> kilobytes) {
    }
}
