package dev.grantflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grantflow.directory.Person;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.springframework.data.domain.PageRequest;

/**
 * Reads the audit log in tests as an admin: the rows of one target, a single expected row, or the CSV export.
 */
final class AuditRows {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AuditService audit;
    private final Person admin;

    AuditRows(AuditService audit, Person admin) {
        this.audit = audit;
        this.admin = admin;
    }

    /** Returns the rows whose target name contains the text, newest first. */
    List<AuditEntry> forTarget(String targetText) {
        return AuditTesting.as(admin,
                () -> audit.search(AuditFilter.forTarget(targetText), PageRequest.of(0, 200)).getContent());
    }

    /** Returns the one row of the action, and fails the test when there is none or more than one. */
    AuditEntry onlyRow(String targetText, AuditAction action) {
        List<AuditEntry> rows = forTarget(targetText).stream().filter(row -> row.action() == action).toList();
        assertThat(rows).as("rows of action %s", action).hasSize(1);
        return rows.getFirst();
    }

    /** Waits for a row that an asynchronous step commits, such as a provisioning result. */
    AuditEntry awaitRow(String targetText, AuditAction action, AuditOutcome outcome) {
        return Awaitility.await().atMost(TIMEOUT).until(() -> forTarget(targetText).stream()
                .filter(row -> row.action() == action && row.outcome() == outcome)
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    String csv(AuditFilter filter) {
        return AuditTesting.as(admin, () -> {
            StringWriter out = new StringWriter();
            try {
                audit.exportCsv(filter, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        });
    }
}
