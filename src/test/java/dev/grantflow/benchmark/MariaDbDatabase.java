package dev.grantflow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own on the local MariaDB server at 127.0.0.1:3306, created for one benchmark run and
 * dropped afterwards. It connects as root without a password, as the server on a developer machine allows.
 */
final class MariaDbDatabase implements AutoCloseable {

    private static final String SERVER_URL = "jdbc:mariadb://127.0.0.1:3306/?connectTimeout=2000";
    private static final String USER = "root";
    private static final String PASSWORD = "";

    final String name;
    final String description;

    private MariaDbDatabase(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** Tells whether the server accepts the benchmark's connection. */
    static boolean isAvailable() {
        try (Connection ignored = DriverManager.getConnection(SERVER_URL, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            BenchmarkRunner.progress("MariaDB at 127.0.0.1:3306 is not available: %s", e.getMessage());
            return false;
        }
    }

    /** Creates a database with a random name and returns it. */
    static MariaDbDatabase create() throws SQLException {
        String name = "grantflow_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
            String version = scalar(statement, "SELECT VERSION()");
            String flush = scalar(statement, "SELECT @@innodb_flush_log_at_trx_commit");
            return new MariaDbDatabase(name, "MariaDB " + version + ", innodb_flush_log_at_trx_commit=" + flush);
        }
    }

    /**
     * Returns the JDBC URL of the database. Without nullDatabaseMeansCurrent, the driver answers metadata
     * queries for tables in every database of the server, so Flowable takes another database's ACT_* tables
     * for its own, skips creating them, and fails at start-up.
     */
    /**
     * Reads server-wide counters from SHOW GLOBAL STATUS, such as Com_commit. They include the traffic of
     * every database on the server, not only this one.
     */
    Map<String, Long> globalStatus(List<String> names) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW GLOBAL STATUS")) {
            while (result.next()) {
                if (names.contains(result.getString(1))) {
                    values.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return values;
    }

    String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:3306/" + name + "?nullDatabaseMeansCurrent=true";
    }

    String user() {
        return USER;
    }

    String password() {
        return PASSWORD;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    private static String scalar(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}
