package dev.grantflow.benchmark;

import static org.awaitility.Awaitility.await;

import dev.grantflow.GrantflowApplication;
import dev.grantflow.approval.ApprovalService;
import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.provisioning.ProvisioningProperties;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.testing.TestFixtures;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grantflow started in this JVM with the sandbox as its SCIM target, plus the helpers that the scenarios
 * share: people in batches, published applications, and counts of request statuses.
 */
final class BenchmarkApp implements AutoCloseable {

    /** People saved per transaction when a scenario needs thousands of them. */
    private static final int PEOPLE_PER_TRANSACTION = 500;

    final String database;
    final int port;
    final TestFixtures fixtures;
    final RequestService requests;
    final ApprovalService approvals;
    final SandboxStore sandbox;
    final JdbcTemplate jdbc;
    final TransactionTemplate transactions;
    final int maxCallsPerApp;
    final Duration startupTime;
    private final ConfigurableApplicationContext context;

    private BenchmarkApp(String database, ConfigurableApplicationContext context, Duration startupTime) {
        this.database = database;
        this.context = context;
        this.startupTime = startupTime;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.fixtures = context.getBean(TestFixtures.class);
        this.requests = context.getBean(RequestService.class);
        this.approvals = context.getBean(ApprovalService.class);
        this.sandbox = context.getBean(SandboxStore.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.maxCallsPerApp = context.getBean(ProvisioningProperties.class).maxConcurrentCallsPerApp();
    }

    /**
     * Starts Grantflow with the benchmark profile plus {@code profiles}. The arguments use command-line
     * precedence, so they override every properties file.
     */
    static BenchmarkApp start(String database, List<String> profiles, List<String> arguments) {
        // The benchmark profile comes last, so its fixed encryption key wins over a profile that reads the key
        // from the environment.
        List<String> active = new ArrayList<>(profiles);
        active.add("benchmark");
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GrantflowApplication.class)
                .profiles(active.toArray(String[]::new))
                .initializers(ctx -> ctx.getBeanFactory()
                        .registerSingleton("benchmarkTestClassExcludeFilter", new TestClassExcludeFilter()))
                .run(arguments.toArray(String[]::new));
        return new BenchmarkApp(database, context, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Saves {@code count} people named {@code name} with a unique email each, in batched transactions. */
    List<Person> people(String name, int count, @Nullable Person manager) {
        List<Person> saved = new ArrayList<>(count);
        while (saved.size() < count) {
            int batch = Math.min(PEOPLE_PER_TRANSACTION, count - saved.size());
            saved.addAll(transactions.execute(status -> {
                List<Person> created = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    created.add(fixtures.person(name, manager, false));
                }
                return created;
            }));
        }
        return saved;
    }

    Person admin() {
        return fixtures.person("Benchmark Admin", null, true);
    }

    /** Publishes a Salesforce application whose SCIM and token URLs point at this app's sandbox on 127.0.0.1. */
    long publishSandboxApplication(ApproverType approverType, Person admin) {
        ApplicationForm form = fixtures.sandboxForm(port, approverType, null);
        String instance = "http://127.0.0.1:" + port + "/sandbox/salesforce";
        form.setBaseUri(instance + "/services/scim/v2");
        form.setTokenUrl(instance + "/services/oauth2/token");
        return fixtures.publish(form, admin);
    }

    /** Returns the database product and version that the app's connection reports. */
    String databaseVersion() {
        return jdbc.execute((Connection connection) -> connection.getMetaData().getDatabaseProductName() + " "
                + connection.getMetaData().getDatabaseProductVersion());
    }

    /** Counts the requests of one application by status. */
    Map<RequestStatus, Integer> statusCounts(long applicationId) {
        Map<RequestStatus, Integer> counts = new EnumMap<>(RequestStatus.class);
        jdbc.query("SELECT status, COUNT(*) FROM access_request WHERE application_id = ? GROUP BY status",
                row -> {
                    counts.put(RequestStatus.valueOf(row.getString(1)), row.getInt(2));
                }, applicationId);
        return counts;
    }

    /**
     * Waits until {@code expected} requests of the application are Provisioned, polling every 100 ms with one
     * query, and returns {@link System#nanoTime()} at the poll that saw it. A poll costs a scan of the
     * application's requests, so a shorter interval would take CPU from the run it measures. Fails when a
     * request failed or is on hold.
     */
    long awaitProvisioned(long applicationId, int expected, Duration timeout) {
        long[] seenAt = new long[1];
        await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<RequestStatus, Integer> counts = statusCounts(applicationId);
            seenAt[0] = System.nanoTime();
            if (counts.containsKey(RequestStatus.FAILED) || counts.containsKey(RequestStatus.ON_HOLD)) {
                throw new IllegalStateException("Requests of application " + applicationId
                        + " failed or are on hold, by status: " + counts);
            }
            return counts.getOrDefault(RequestStatus.PROVISIONED, 0) >= expected;
        });
        return seenAt[0];
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Keeps the nested configurations of test classes out of component scanning, as {@code @SpringBootTest}
     * does, because the test classes share the classpath with the application started here.
     */
    static final class TestClassExcludeFilter extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String enclosing = reader.getClassMetadata().getEnclosingClassName();
            return enclosing != null && (enclosing.endsWith("Test") || enclosing.endsWith("Tests"));
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
