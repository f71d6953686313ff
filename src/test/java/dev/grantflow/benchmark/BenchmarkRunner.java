package dev.grantflow.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark scenarios against Grantflow and writes the results to docs/benchmarks.md. Its name
 * matches none of Surefire's default test patterns, so only the Maven profile {@code benchmark} runs it, and
 * {@code ./mvnw verify} and .ci/run leave it out.
 */
class BenchmarkRunner {

    private static final String COMMAND = "./mvnw -Pbenchmark verify";

    @Test
    void runBenchmarks() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        long started = System.nanoTime();
        String loadAtStart = Machine.loadAverage();
        long[] machineCpuAtStart = Machine.cpuJiffies();
        long processCpuAtStart = processCpuNanos();
        List<Figure> figures = new ArrayList<>();
        List<String> databases = new ArrayList<>();

        if (settings.includes(1) || settings.includes(2) || settings.includes(3) || settings.includes(4)) {
            figures.addAll(runOnH2(settings, databases));
        }
        if (settings.includes(2) && wantsMariaDb(settings)) {
            figures.addAll(runOnMariaDb(settings, databases));
        }
        if (settings.includes(5)) {
            figures.addAll(new FootprintScenario(settings).run());
        }
        figures.sort(Comparator.comparing(Figure::scenario));

        List<String> environment = environment(settings, databases, started, loadAtStart, machineCpuAtStart,
                processCpuAtStart);
        String results = Report.markdown(environment, figures);
        System.out.println();
        System.out.println(results);
        Report.write(settings.output(), results);
        progress("wrote %s", settings.output().toAbsolutePath());
    }

    private static List<Figure> runOnH2(BenchmarkSettings settings, List<String> databases) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (BenchmarkApp h2 = BenchmarkApp.start("H2", List.of(), List.of())) {
            progress("started Grantflow on H2 in %.1f s, port %d", h2.startupTime.toMillis() / 1e3, h2.port);
            databases.add(h2.databaseVersion() + ", in memory");
            if (settings.includes(1)) {
                figures.addAll(new LatencyScenario(h2, settings).run());
            }
            if (settings.includes(2)) {
                figures.addAll(new BulkScenario(h2, settings, settings.bulkRequests()).run(0.5));
            }
            if (settings.includes(3)) {
                figures.addAll(new TokenScenario(h2, settings).run());
            }
            if (settings.includes(4)) {
                figures.addAll(new InboxScenario(h2, settings).run());
            }
            figures.addAll(inProcessMemory());
        }
        return figures;
    }

    /**
     * Reads this JVM's resident memory after the scenarios, then the heap still in use after a full collection.
     * One reading each, because the scenarios run once per JVM.
     */
    private static List<Figure> inProcessMemory() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long pid = ProcessHandle.current().pid();
        double rss = FootprintScenario.residentKilobytes(pid) / 1024.0;
        long committed = memory.getHeapMemoryUsage().getCommitted();
        System.gc();
        double rssAfterGc = FootprintScenario.residentKilobytes(pid) / 1024.0;
        double usedAfterGc = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        String name = FootprintScenario.NAME;
        return List.of(
                Figure.of(name, "this JVM's RSS after scenarios 1 to 4 (MB)", 0, List.of(rss))
                        .note("Grantflow in-process plus the runner. Heap committed " + megabytes(committed)
                                + " MB of a " + megabytes(Runtime.getRuntime().maxMemory()) + " MB maximum"),
                Figure.of(name, "this JVM's heap used after a full GC (MB)", 0, List.of(usedAfterGc))
                        .note(String.format(Locale.ROOT, "includes the in-memory H2 database with every request "
                                + "of the run. RSS after the GC %.0f MB", rssAfterGc)));
    }

    private static List<Figure> runOnMariaDb(BenchmarkSettings settings, List<String> databases) throws Exception {
        try (MariaDbDatabase database = MariaDbDatabase.create();
                BenchmarkApp mariaDb = BenchmarkApp.start("MariaDB", List.of("mariadb"), List.of(
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password()))) {
            progress("started Grantflow on MariaDB database %s in %.1f s", database.name,
                    mariaDb.startupTime.toMillis() / 1e3);
            databases.add(database.description + ", database created for the run and dropped afterwards");
            List<Figure> figures = new ArrayList<>(new BulkScenario(mariaDb, settings, settings.mariaDbRequests(), database).run(0.3));
            if (settings.mariaDbRequests() < settings.bulkRequests()) {
                Figure first = figures.getFirst();
                figures.set(0, first.note(first.note() + ". Fewer requests than on H2, so the command fits in 15 minutes"));
            }
            return figures;
        }
    }

    private static boolean wantsMariaDb(BenchmarkSettings settings) {
        return switch (settings.mariaDb()) {
            case "false" -> false;
            case "true" -> true;
            default -> MariaDbDatabase.isAvailable();
        };
    }

    private static List<String> environment(BenchmarkSettings settings, List<String> databases, long started,
            String loadAtStart, long[] machineCpuAtStart, long processCpuAtStart) {
        long[] machineCpu = Machine.cpuJiffies();
        double machineBusy = share(machineCpu[0] - machineCpuAtStart[0], machineCpu[1] - machineCpuAtStart[1]);
        double seconds = (System.nanoTime() - started) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double ownBusy = (processCpuNanos() - processCpuAtStart) / 1e9 / seconds / cores;
        List<String> lines = new ArrayList<>();
        lines.add("Run: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " with `" + COMMAND + "`, "
                + String.format(Locale.ROOT, "%.1f minutes", seconds / 60) + " for the scenarios, "
                + settings.runs() + " runs per figure");
        lines.add("CPU: " + Machine.cpuModel() + ", " + cores + " cores (`nproc`)");
        lines.add("Memory: " + Machine.memory());
        lines.add("JDK: " + Machine.jdk());
        lines.add("OS: " + Machine.os());
        databases.forEach(database -> lines.add("Database: " + database));
        lines.add("Load average (1, 5, 15 min): " + loadAtStart + " at the start, " + Machine.loadAverage()
                + " at the end");
        lines.add(String.format(Locale.ROOT, "CPU busy during the run: %.0f%% of all cores, of which this JVM "
                + "%.0f%%. The rest is other work on the shared machine, such as other builds, so figures are noisy.",
                100 * machineBusy, 100 * ownBusy));
        return lines;
    }

    /** Prints a progress line, so a long run shows where it is. */
    static void progress(String format, Object... arguments) {
        System.out.println("[benchmark " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] "
                + String.format(Locale.ROOT, format, arguments));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
