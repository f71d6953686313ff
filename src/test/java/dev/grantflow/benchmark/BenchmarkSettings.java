package dev.grantflow.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sizes and switches of a benchmark run, read from system properties so that the Maven profile and the
 * command line can change them. Each property and its default is listed in {@link #fromSystemProperties()}.
 *
 * @param runs             runs per scenario, whose median each figure shows
 * @param latencyRequests  sequential Manager-approved requests per latency run
 * @param latencyDelay     latency the sandbox adds to every call in the latency scenario
 * @param bulkRequests     auto-approved requests per bulk run on H2
 * @param mariaDbRequests  auto-approved requests per bulk run on MariaDB
 * @param bulkDelay        latency the sandbox adds to every call in the bulk scenario
 * @param submitThreads    threads that submit the bulk requests
 * @param tokenJobs        provisioning jobs submitted at once after the access token expired
 * @param tokenCalls       SCIM calls made afterwards with a working token, two per provisioning
 * @param inboxTasks       pending tasks of one approver at the second inbox measurement
 * @param mariaDb          "auto" runs MariaDB when 127.0.0.1:3306 accepts root without a password, "true"
 *                         requires it, "false" skips it
 * @param jar              the packaged application jar that the footprint scenario starts
 * @param devModeJar       the same application with Vaadin's development mode, used when {@code jar} is not
 *                         a production build and cannot start
 * @param output           the Markdown page whose results section the runner replaces
 * @param scenarios        numbers of the scenarios to run, 1 to 5, all by default
 */
record BenchmarkSettings(int runs, int latencyRequests, Duration latencyDelay, int bulkRequests,
        int mariaDbRequests, Duration bulkDelay, int submitThreads, int tokenJobs, int tokenCalls,
        int inboxTasks, String mariaDb, Path jar, Path devModeJar, Path output, Set<Integer> scenarios) {

    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                integer("benchmark.runs", 3),
                integer("benchmark.latency.requests", 200),
                Duration.ofMillis(integer("benchmark.latency.delay-ms", 0)),
                integer("benchmark.bulk.requests", 5_000),
                integer("benchmark.mariadb.requests", 5_000),
                Duration.ofMillis(integer("benchmark.bulk.delay-ms", 20)),
                integer("benchmark.bulk.submit-threads", 4),
                integer("benchmark.token.jobs", 50),
                integer("benchmark.token.calls", 1_000),
                integer("benchmark.inbox.tasks", 10_000),
                System.getProperty("benchmark.mariadb", "auto"),
                Path.of(System.getProperty("benchmark.jar", "target/grantflow-0.1.0-SNAPSHOT.jar")),
                Path.of(System.getProperty("benchmark.dev-mode-jar", "target/grantflow-0.1.0-SNAPSHOT-devmode.jar")),
                Path.of(System.getProperty("benchmark.output", "docs/benchmarks.md")),
                scenarios(System.getProperty("benchmark.scenarios", "1,2,3,4,5")));
    }

    boolean includes(int scenario) {
        return scenarios.contains(scenario);
    }

    private static Set<Integer> scenarios(String list) {
        Set<Integer> numbers = new TreeSet<>();
        for (String item : list.split(",")) {
            try {
                numbers.add(Integer.parseInt(item.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("benchmark.scenarios is " + list
                        + ", which is invalid. List scenario numbers from 1 to 5, such as 1,2,5.", e);
            }
        }
        return numbers;
    }

    private static int integer(String property, int defaultValue) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 0) {
                throw new IllegalArgumentException(property + " is " + value + ", which is negative. Set 0 or more.");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " is " + value + ", which is not a whole number.", e);
        }
    }
}
