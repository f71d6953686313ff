package dev.grantflow.provisioning;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.grantflow.provisioning.ProvisioningException.Kind;

/**
 * Limits the concurrent calls per app, because Salesforce limits concurrent long-running requests per org.
 */
final class CallSlots {

    private final int slotsPerApp;
    private final Duration maxWait;
    private final ConcurrentMap<String, Semaphore> semaphores = new ConcurrentHashMap<>();

    CallSlots(int slotsPerApp, Duration maxWait) {
        this.slotsPerApp = slotsPerApp;
        this.maxWait = maxWait;
    }

    /**
     * Waits up to {@code maxWait} for a free slot of the app.
     *
     * @throws ProvisioningException of kind TRANSIENT when no slot became free or the thread was interrupted
     */
    void acquire(String appKey, String operation) {
        Semaphore semaphore = semaphores.computeIfAbsent(appKey, key -> new Semaphore(slotsPerApp, true));
        try {
            if (semaphore.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException(Kind.TRANSIENT, "Interrupted while waiting to send " + operation
                    + " to app " + appKey + ". Retry later.", 0, null, null, e);
        }
        throw new ProvisioningException(Kind.TRANSIENT, "All " + slotsPerApp + " call slots of app " + appKey
                + " stayed busy for " + ScimErrors.describe(maxWait) + ", so " + operation + " was not sent. "
                + "Retry later, or raise grantflow.provisioning.max-concurrent-calls-per-app.");
    }

    void release(String appKey) {
        semaphores.get(appKey).release();
    }
}
