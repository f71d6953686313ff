package dev.grantflow.approval;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.flowable.engine.ManagementService;

/**
 * Waits until no job of an earlier test is queued, since injected sandbox faults hit whichever job calls first.
 */
final class QuietEngine {

    private QuietEngine() {
    }

    static void awaitNoQueuedJobs(ManagementService management, Duration timeout) {
        await().atMost(timeout).until(() -> management.createJobQuery().count() == 0
                && management.createTimerJobQuery().count() == 0);
    }
}
