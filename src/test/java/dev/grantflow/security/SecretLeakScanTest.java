package dev.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grantflow.sandbox.SandboxProperties;
import dev.grantflow.sandbox.SandboxStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs after the rest of the suite and looks for every token and secret it used: none may appear in the
 * log file, the provisioning log, or in plain text anywhere in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Order(Integer.MAX_VALUE)
class SecretLeakScanTest {

    private static final Path LOG_FILE = Path.of("target/test-logs/grantflow-test.log");

    /** Secrets that tests type into application forms. */
    private static final List<String> FORM_SECRETS = List.of("refresh-token-value", "consumer-secret",
            "new-working-refresh-token");

    @Autowired
    SandboxStore sandbox;
    @Autowired
    SandboxProperties sandboxProperties;
    @Autowired
    JdbcTemplate jdbc;

    Set<String> secrets;

    @BeforeEach
    void collectSecrets() {
        secrets = new HashSet<>(sandbox.issuedSecrets());
        secrets.add(sandboxProperties.clientSecret());
        secrets.add(sandboxProperties.refreshToken());
        secrets.addAll(FORM_SECRETS);
    }

    @Test
    void suiteUsedSandboxTokens() {
        assertThat(sandbox.issuedSecrets()).isNotEmpty();
    }

    @Test
    void logFileHasNoSecret() throws IOException {
        assertThat(LOG_FILE).exists();
        String log = Files.readString(LOG_FILE);

        assertThat(log).isNotBlank();
        assertThat(secrets).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
    }

    @Test
    void provisioningLogHasNoSecret() {
        List<String> rows = jdbc.queryForList("select concat(path, ' ', message) from provisioning_call", String.class);

        assertThat(rows).isNotEmpty();
        assertThat(secrets).allSatisfy(secret -> assertThat(rows).noneMatch(row -> row.contains(secret)));
    }

    @Test
    void databaseHasNoPlainSecret() {
        String dump = String.join("\n", jdbc.queryForList("SCRIPT", String.class));

        assertThat(dump).contains("INSERT INTO");
        assertThat(secrets).allSatisfy(secret -> assertThat(dump).doesNotContain(secret));
    }
}
