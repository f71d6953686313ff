package dev.grantflow.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads, grouped by what the threads do, so a scenario can say where its CPU went.
 * Threads that end between two snapshots are missing from the second one, so their CPU is not counted:
 * threads that a scenario starts and stops itself must report their own CPU time.
 */
final class ThreadCpu {

    static final String JOBS = "job threads";
    static final String SANDBOX = "sandbox server threads";
    static final String OTHER = "other threads";

    private final Map<Long, Long> nanosByThread;
    private final Map<Long, String> groupByThread;

    private ThreadCpu(Map<Long, Long> nanosByThread, Map<Long, String> groupByThread) {
        this.nanosByThread = nanosByThread;
        this.groupByThread = groupByThread;
    }

    static ThreadCpu snapshot() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                nanos.put(info.getThreadId(), cpu);
                groups.put(info.getThreadId(), group(info.getThreadName()));
            }
        }
        return new ThreadCpu(nanos, groups);
    }

    /** Returns the CPU seconds used since {@code earlier}, by group, in a fixed group order. */
    Map<String, Double> secondsSince(ThreadCpu earlier) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String group : new String[] {JOBS, SANDBOX, OTHER}) {
            seconds.put(group, 0.0);
        }
        nanosByThread.forEach((thread, nanos) -> {
            long before = earlier.nanosByThread.getOrDefault(thread, 0L);
            seconds.merge(groupByThread.get(thread), (nanos - before) / 1e9, Double::sum);
        });
        return seconds;
    }

    /**
     * Names the group of a thread. Flowable runs jobs on Spring Boot's application task executor, whose
     * threads are named task-1, task-2 and so on. Tomcat's request threads serve only the sandbox here.
     */
    private static String group(String threadName) {
        if (threadName.startsWith("task-")) {
            return JOBS;
        }
        if (threadName.startsWith("http-nio-")) {
            return SANDBOX;
        }
        return OTHER;
    }
}
