package dev.grantflow.approval;

import dev.grantflow.GrantflowApplication;
import dev.grantflow.security.SystemActor;
import dev.grantflow.testing.MariaDbTestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * One Grantflow node of a cluster test: a Spring context of its own with a web server on a random port,
 * running the {@code test} and {@code mariadb} profiles on a database that other nodes share. The node's
 * name is its Flowable lock owner.
 */
final class ClusterNode implements AutoCloseable {

    /** The test profile's fixed key (test data only), passed as GRANTFLOW_ENCRYPTION_KEY. */
    private static final String ENCRYPTION_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final String name;
    private final ConfigurableApplicationContext context;

    private ClusterNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /**
     * Starts a node on {@code database}. Each of {@code settings} is a {@code key=value} property that takes
     * precedence over the profiles' files.
     */
    static ClusterNode start(String name, MariaDbTestDatabase database, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=test,mariadb",
                "--server.port=0",
                "--GRANTFLOW_DB_URL=" + database.jdbcUrl(),
                "--GRANTFLOW_DB_USER=" + database.user(),
                "--GRANTFLOW_DB_PASSWORD=" + database.password(),
                "--GRANTFLOW_ENCRYPTION_KEY=" + ENCRYPTION_KEY,
                "--GRANTFLOW_NODE_NAME=" + name));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GrantflowApplication.class)
                .run(arguments.toArray(String[]::new));
        return new ClusterNode(name, context);
    }

    String name() {
        return name;
    }

    int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Returns the number of runnable and timer jobs that {@code lockOwner} has locked in the shared tables. */
    long jobsLockedBy(String lockOwner) {
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        Long runnable = jdbc.queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ = ?",
                Long.class, lockOwner);
        Long timers = jdbc.queryForObject("select count(*) from ACT_RU_TIMER_JOB where LOCK_OWNER_ = ?",
                Long.class, lockOwner);
        return runnable + timers;
    }

    /**
     * Runs {@code work} with the ADMIN role, as start-up work does. Spring Security keeps the context holder
     * strategy in a static field, and each node's Vaadin security configuration installs its own there, so in
     * one JVM the node that started last owns it. This makes the strategy of this node current for the call.
     */
    <T> T callAsAdmin(Supplier<T> work) {
        SecurityContextHolderStrategy previous = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(bean(SecurityContextHolderStrategy.class));
        try {
            return SystemActor.callAsAdmin(work);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(previous);
        }
    }

    boolean isRunning() {
        return context.isActive();
    }

    /**
     * Stops the node as a crash would, as far as the shared database can tell: its job threads stop at once,
     * dropping queued jobs and interrupting running ones, and then the context closes. A closing context on its
     * own finishes the queued jobs first. Started with {@code unlock-owned-jobs=false}, the node leaves the
     * jobs it had locked behind, locked until their lock expires.
     */
    void stopAbruptly() {
        ThreadPoolTaskExecutor jobThreads = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
        jobThreads.getThreadPoolExecutor().shutdownNow();
        context.close();
    }

    @Override
    public void close() {
        context.close();
    }
}
