package dev.grantflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grantflow.directory.Person;
import dev.grantflow.testing.TestFixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit service on its own: who may read, filters, sorting and paging, the CSV export, and the
 * transaction rule of {@code record}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditServiceTest {

    @Autowired
    AuditService audit;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    PlatformTransactionManager transactions;

    Person admin;
    Person employee;
    String target;

    @BeforeEach
    void createPeople() {
        admin = fixtures.person("Ada Admin", null, true);
        employee = fixtures.person("Emma Employee", null, false);
        target = "Audit target " + UUID.randomUUID();
    }

    @Test
    void nonAdminSearchIsDenied() {
        assertThatThrownBy(() -> AuditTesting.as(employee, () -> audit.search(AuditFilter.all(), PageRequest.of(0, 10))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nonAdminCountIsDenied() {
        assertThatThrownBy(() -> AuditTesting.as(employee, () -> audit.count(AuditFilter.all())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nonAdminExportIsDenied() {
        assertThatThrownBy(() -> new AuditRows(audit, employee).csv(AuditFilter.all()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void searchWithoutSignInIsDenied() {
        assertThatThrownBy(() -> audit.search(AuditFilter.all(), PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void recordNeedsCallerTransaction() {
        assertThatThrownBy(() -> audit.record(AuditAction.APPLICATION_DRAFT_SAVED, AuditActor.system(),
                AuditTarget.application(1, target), AuditOutcome.SUCCESS, "Outside a transaction"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void rolledBackActionLeavesNoRow() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            record(AuditAction.APPLICATION_DRAFT_SAVED, "Ada Admin", AuditOutcome.SUCCESS, "Rolled back");
            status.setRollbackOnly();
        });

        assertThat(count(AuditFilter.forTarget(target))).isZero();
    }

    @Test
    void searchReturnsNewestFirstInPages() {
        recordCommitted(AuditAction.APPLICATION_CREATED, "Ada Admin", AuditOutcome.SUCCESS, "first");
        recordCommitted(AuditAction.APPLICATION_DRAFT_SAVED, "Ada Admin", AuditOutcome.SUCCESS, "second");
        recordCommitted(AuditAction.APPLICATION_PUBLISHED, "Ada Admin", AuditOutcome.SUCCESS, "third");

        Page<AuditEntry> first = search(AuditFilter.forTarget(target), PageRequest.of(0, 2));

        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(first.getContent()).extracting(AuditEntry::detail).containsExactly("third", "second");
    }

    @Test
    void searchSortsByRequestedColumn() {
        recordCommitted(AuditAction.APPLICATION_PUBLISHED, "Bea", AuditOutcome.SUCCESS, "b");
        recordCommitted(AuditAction.APPLICATION_CREATED, "Abe", AuditOutcome.SUCCESS, "a");

        Page<AuditEntry> page = search(AuditFilter.forTarget(target), PageRequest.of(0, 10, Sort.by("actorName")));

        assertThat(page.getContent()).extracting(AuditEntry::actorName).containsExactly("Abe", "Bea");
    }

    @Test
    void sortByUnknownColumnIsRejected() {
        assertThatThrownBy(() -> search(AuditFilter.all(), PageRequest.of(0, 10, Sort.by("detail"))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("cannot be sorted by detail");
    }

    @Test
    void actionFilterKeepsOnlyThatAction() {
        recordCommitted(AuditAction.APPLICATION_CREATED, "Ada Admin", AuditOutcome.SUCCESS, "created");
        recordCommitted(AuditAction.APPLICATION_PUBLISHED, "Ada Admin", AuditOutcome.SUCCESS, "published");

        List<AuditEntry> rows = rows(new AuditFilter(null, null, AuditAction.APPLICATION_PUBLISHED, "", target, null));

        assertThat(rows).extracting(AuditEntry::detail).containsExactly("published");
    }

    @Test
    void outcomeFilterKeepsOnlyThatOutcome() {
        recordCommitted(AuditAction.PROVISIONING, "Grantflow", AuditOutcome.SUCCESS, "worked");
        recordCommitted(AuditAction.PROVISIONING, "Grantflow", AuditOutcome.FAILURE, "failed");

        List<AuditEntry> rows = rows(new AuditFilter(null, null, null, "", target, AuditOutcome.FAILURE));

        assertThat(rows).extracting(AuditEntry::detail).containsExactly("failed");
    }

    @Test
    void actorFilterIgnoresCase() {
        recordCommitted(AuditAction.APPLICATION_CREATED, "Ada Admin", AuditOutcome.SUCCESS, "ada");
        recordCommitted(AuditAction.APPLICATION_CREATED, "Owen Owner", AuditOutcome.SUCCESS, "owen");

        List<AuditEntry> rows = rows(new AuditFilter(null, null, null, "ADA", target, null));

        assertThat(rows).extracting(AuditEntry::detail).containsExactly("ada");
    }

    @Test
    void actorFilterTreatsWildcardsAsText() {
        recordCommitted(AuditAction.APPLICATION_CREATED, "Ada Admin", AuditOutcome.SUCCESS, "ada");

        List<AuditEntry> rows = rows(new AuditFilter(null, null, null, "%", target, null));

        assertThat(rows).isEmpty();
    }

    @Test
    void targetFilterMatchesExactId() {
        recordCommitted(AuditAction.APPLICATION_CREATED, "Ada Admin", AuditOutcome.SUCCESS, "by id");
        String id = rows(AuditFilter.forTarget(target)).getFirst().targetId();

        List<AuditEntry> rows = rows(new AuditFilter(null, null, null, "Ada Admin", id, null));

        assertThat(rows).extracting(AuditEntry::targetName).contains(target);
    }

    @Test
    void timeRangeExcludesRowsOutsideIt() {
        recordCommitted(AuditAction.APPLICATION_CREATED, "Ada Admin", AuditOutcome.SUCCESS, "now");
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);

        assertThat(rows(new AuditFilter(later, null, null, "", target, null))).isEmpty();
        assertThat(rows(new AuditFilter(null, later, null, "", target, null))).hasSize(1);
    }

    @Test
    void exportStartsWithHeaderLine() {
        String csv = new AuditRows(audit, admin).csv(AuditFilter.forTarget(target));

        assertThat(csv).isEqualTo(String.join(",", AuditCsv.HEADER) + "\r\n");
    }

    @Test
    void exportQuotesCommasQuotesAndLineBreaks() {
        recordCommitted(AuditAction.APPROVAL_DECISION, "Maria Manager", AuditOutcome.REJECTED,
                "Comment: no, \"not\" now\nmaybe later");

        String csv = new AuditRows(audit, admin).csv(AuditFilter.forTarget(target));

        assertThat(csv).contains(",\"Comment: no, \"\"not\"\" now\nmaybe later\"\r\n");
    }

    @Test
    void exportNeutralizesFormulas() {
        recordCommitted(AuditAction.ACCESS_REQUESTED, "=1+1", AuditOutcome.SUCCESS, "@SUM(A1:A9)");
        recordCommitted(AuditAction.ACCESS_REQUESTED, "+491234", AuditOutcome.SUCCESS, "-2+3");

        String csv = new AuditRows(audit, admin).csv(AuditFilter.forTarget(target));

        assertThat(csv).contains(",'=1+1,");
        assertThat(csv).contains(",'@SUM(A1:A9)\r\n");
        assertThat(csv).contains(",'+491234,");
        assertThat(csv).contains(",'-2+3\r\n");
    }

    private void record(AuditAction action, String actorName, AuditOutcome outcome, String detail) {
        audit.record(action, new AuditActor(admin.getId(), actorName), AuditTarget.application(admin.getId(), target),
                outcome, detail);
    }

    private void recordCommitted(AuditAction action, String actorName, AuditOutcome outcome, String detail) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> record(action, actorName, outcome, detail));
    }

    private Page<AuditEntry> search(AuditFilter filter, PageRequest page) {
        return AuditTesting.as(admin, () -> audit.search(filter, page));
    }

    private List<AuditEntry> rows(AuditFilter filter) {
        return search(filter, PageRequest.of(0, 100)).getContent();
    }

    private long count(AuditFilter filter) {
        return AuditTesting.as(admin, () -> audit.count(filter));
    }
}
