package dev.grantflow.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request counts for tests and benchmarks. The request counts include rejected and faulted requests,
 * so a test can see every attempt a client made; the created-user counts only successful creations,
 * so a test can check that nothing was created twice. Thread-safe.
 */
final class SandboxCounters {

    private final Map<String, AtomicInteger> createUserCounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> createdUserCounts = new ConcurrentHashMap<>();
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

    /** Counts a user that POST /Users created for {@code userName}, ignoring case. */
    void countCreatedUser(String userName) {
        createdUserCounts.computeIfAbsent(userName.toLowerCase(Locale.ROOT), key -> new AtomicInteger())
                .incrementAndGet();
    }

    int createdUserCount(String userName) {
        AtomicInteger count = createdUserCounts.get(userName.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    int requestCount(SandboxOperation operation) {
        AtomicInteger count = requestCounts.get(operation);
        return count == null ? 0 : count.get();
    }

    void clear() {
        createUserCounts.clear();
        createdUserCounts.clear();
        requestCounts.clear();
    }
}
