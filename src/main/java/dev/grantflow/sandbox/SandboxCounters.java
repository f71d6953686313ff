package dev.grantflow.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request counts for tests and benchmarks. Each count includes rejected and faulted requests,
 * so a test can see every attempt a client made. Thread-safe.
 */
final class SandboxCounters {

    private final Map<String, AtomicInteger> createUserCounts = new ConcurrentHashMap<>();
    private final Map<SandboxOperation, AtomicInteger> requestCounts = new ConcurrentHashMap<>();

    void countRequest(SandboxOperation operation) {
        requestCounts.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
    }

    /** Counts a POST /Users request for {@code userName}, ignoring case. */
    void countCreateUser(String userName) {
        createUserCounts.computeIfAbsent(userName.toLowerCase(Locale.ROOT), key -> new AtomicInteger())
                .incrementAndGet();
    }

    int createUserCount(String userName) {
        AtomicInteger count = createUserCounts.get(userName.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    int requestCount(SandboxOperation operation) {
        AtomicInteger count = requestCounts.get(operation);
        return count == null ? 0 : count.get();
    }

    void clear() {
        createUserCounts.clear();
        requestCounts.clear();
    }
}
