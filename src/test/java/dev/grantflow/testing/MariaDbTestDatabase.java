package dev.grantflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB database that tests create for themselves, named {@code grantflow_test_<16 hex digits>}, and drop
 * again. It drops only the database it created.
 *
 * <p>The server defaults to 127.0.0.1:3306 with user root and an empty password, the CI machine's setup. The
 * system properties {@code grantflow.test.mariadb.host}, {@code .port}, {@code .user} and {@code .password}
 * override them.
 */
public final class MariaDbTestDatabase implements AutoCloseable {

    public static final String NAME_PREFIX = "grantflow_test_";

    private static final Logger log = LoggerFactory.getLogger(MariaDbTestDatabase.class);

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;
    private boolean dropped;

    private MariaDbTestDatabase(String host, int port, String user, String password, String name) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /**
     * Creates a database with a new random name on the configured server.
     *
     * @throws IllegalStateException when the server cannot be reached or refuses to create the database
     */
    public static MariaDbTestDatabase create() {
        MariaDbTestDatabase database = new MariaDbTestDatabase(
                System.getProperty("grantflow.test.mariadb.host", "127.0.0.1"),
                Integer.getInteger("grantflow.test.mariadb.port", 3306),
                System.getProperty("grantflow.test.mariadb.user", "root"),
                System.getProperty("grantflow.test.mariadb.password", ""),
                NAME_PREFIX + HexFormat.of().formatHex(randomBytes()));
        database.executeOnServer("CREATE DATABASE " + database.name
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        log.info("Created test database name={} server={}:{}", database.name, database.host, database.port);
        return database;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/" + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Runs one SQL statement in this database. */
    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed to run '" + sql + "' in test database " + name, e);
        }
    }

    /** Drops the database. Later calls do nothing. */
    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        executeOnServer("DROP DATABASE IF EXISTS " + name);
        dropped = true;
        log.info("Dropped test database name={}", name);
    }

    private void executeOnServer(String sql) {
        String serverUrl = "jdbc:mariadb://" + host + ":" + port + "/";
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed to run '" + sql + "' on the MariaDB server at " + host + ":" + port
                    + " as " + user + ". Start the server (start-stop-daemon --start --oknodo --background "
                    + "--exec /usr/sbin/mariadbd) or point grantflow.test.mariadb.* at one.", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
