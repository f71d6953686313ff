package dev.grantflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grantflow.security.SignedInPerson;
import dev.grantflow.testing.TestFixtures;
import java.io.StringReader;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * The CSV import against the directory on H2: what the preview adds, changes and rejects, and what apply writes.
 * Every test uses its own email domain, so tests can share the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DirectoryImportServiceTest {

    private static final String HEADER = "email,display name,manager email,roles\n";

    @Autowired
    DirectoryImportService imports;
    @Autowired
    DirectoryAdminService admin;
    @Autowired
    DirectoryService directory;
    @Autowired
    TestFixtures fixtures;

    SignedInPerson actor;
    String domain;

    @BeforeEach
    void signInAdmin() {
        actor = TestFixtures.signedIn(fixtures.person("Ada Admin", null, true));
        domain = "@" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }

    @Test
    void newPersonIsAddition() {
        ImportPreview preview = preview(HEADER + email("ann") + ",Ann Lee,,ADMIN\n");

        assertThat(preview.additions()).containsExactly(new ImportRow(2, email("ann"), new PersonValues("Ann Lee", null, true)));
        assertThat(preview.rejections()).isEmpty();
    }

    @Test
    void applyResolvesManagerLaterInFile() {
        ImportPreview preview = preview(HEADER + email("emp") + ",Emil Emp," + email("boss") + ",\n"
                + email("boss") + ",Bea Boss,,\n");

        imports.apply(preview, actor);

        Person employee = directory.findByEmail(email("emp")).orElseThrow();
        Person boss = directory.findByEmail(email("boss")).orElseThrow();
        assertThat(employee.getManagerId()).isEqualTo(boss.getId());
        assertThat(boss.getManagerId()).isNull();
    }

    @Test
    void managerAndRoleChangeIsChange() {
        Person manager = fixtures.person("Maria Manager", null, false);
        Person employee = fixtures.person("Emma Employee", null, false);

        ImportPreview preview = preview(HEADER + employee.getEmail() + ",Emma Employee," + manager.getEmail() + ",admin\n");

        assertThat(preview.changes()).containsExactly(new ImportChange(2, employee.getEmail(),
                new PersonValues("Emma Employee", null, false),
                new PersonValues("Emma Employee", manager.getEmail(), true)));
    }

    @Test
    void applyThenPreviewAgainShowsUnchanged() {
        String csv = HEADER + email("boss") + ",Bea Boss,,ADMIN\n" + email("emp") + ",Emil Emp," + email("boss") + ",\n";
        imports.apply(preview(csv), actor);

        ImportPreview again = preview(csv);

        assertThat(again.unchanged()).extracting(ImportRow::email).containsExactly(email("boss"), email("emp"));
        assertThat(again.hasWork()).isFalse();
    }

    @Test
    void unknownManagerIsRejected() {
        ImportPreview preview = preview(HEADER + email("emp") + ",Emil Emp," + email("nobody") + ",\n");

        assertThat(reasonOnLine(preview, 2)).contains("Manager " + email("nobody") + " is neither in the directory nor in this file");
        assertThat(preview.additions()).isEmpty();
    }

    @Test
    void managerOnRejectedLineIsNamed() {
        ImportPreview preview = preview(HEADER + email("emp") + ",Emil Emp," + email("boss") + ",\n"
                + email("boss") + ",,,\n");

        assertThat(reasonOnLine(preview, 2)).contains("is on line 3, which is rejected");
    }

    @Test
    void fileCycleRejectsEveryRow() {
        ImportPreview preview = preview(HEADER + email("a") + ",Al A," + email("b") + ",\n"
                + email("b") + ",Bo B," + email("a") + ",\n" + email("c") + ",Cy C,,\n");

        assertThat(reasonOnLine(preview, 2)).contains("manager cycle", email("a") + " → " + email("b") + " → " + email("a"));
        assertThat(reasonOnLine(preview, 3)).contains("manager cycle");
        assertThat(preview.additions()).extracting(ImportRow::email).containsExactly(email("c"));
    }

    @Test
    void cycleThroughDirectoryIsRejected() {
        Person boss = fixtures.person("Bea Boss", null, false);
        Person employee = fixtures.person("Emil Emp", boss, false);

        ImportPreview preview = preview(HEADER + boss.getEmail() + ",Bea Boss," + employee.getEmail() + ",\n");

        assertThat(reasonOnLine(preview, 2)).contains("manager cycle", boss.getEmail() + " → " + employee.getEmail());
        assertThat(preview.changes()).isEmpty();
    }

    @Test
    void ownManagerIsRejected() {
        ImportPreview preview = preview(HEADER + email("ann") + ",Ann Lee," + email("ann") + ",\n");

        assertThat(reasonOnLine(preview, 2)).contains("cannot be their own manager");
    }

    @Test
    void duplicateEmailsRejectEveryCopy() {
        ImportPreview preview = preview(HEADER + email("ann") + ",Ann Lee,,\n" + email("bob") + ",Bob Li,,\n"
                + email("ANN") + ",Ann Other,,\n");

        assertThat(reasonOnLine(preview, 2)).contains("appears on lines 2 and 4");
        assertThat(reasonOnLine(preview, 4)).contains("appears on lines 2 and 4");
        assertThat(preview.additions()).extracting(ImportRow::email).containsExactly(email("bob"));
    }

    @Test
    void malformedEmailIsRejected() {
        ImportPreview preview = preview(HEADER + "ann.example.com,Ann Lee,,\n");

        assertThat(reasonOnLine(preview, 2)).contains("Email \"ann.example.com\" is invalid");
    }

    @Test
    void malformedManagerEmailIsRejected() {
        ImportPreview preview = preview(HEADER + email("ann") + ",Ann Lee,boss at example,\n");

        assertThat(reasonOnLine(preview, 2)).contains("Manager email \"boss at example\" is invalid");
    }

    @Test
    void missingDisplayNameIsRejected() {
        ImportPreview preview = preview(HEADER + email("ann") + ",  ,,\n");

        assertThat(reasonOnLine(preview, 2)).contains("Display name is missing");
    }

    @Test
    void unknownRoleIsRejected() {
        ImportPreview preview = preview(HEADER + email("ann") + ",Ann Lee,,OWNER\n");

        assertThat(reasonOnLine(preview, 2)).contains("Role \"OWNER\" is unknown");
    }

    @Test
    void missingHeaderRejectsWholeFile() {
        ImportPreview preview = preview(email("ann") + ",Ann Lee,,\n" + email("bob") + ",Bob Li,,\n");

        assertThat(preview.hasWork()).isFalse();
        assertThat(reasonOnLine(preview, 1)).contains("must be the header");
    }

    @Test
    void rejectedRowsAreNotApplied() {
        ImportPreview preview = preview(HEADER + email("ann") + ",Ann Lee,,\n" + email("bob") + ",,,\n");

        ImportResult result = imports.apply(preview, actor);

        assertThat(result).isEqualTo(new ImportResult(1, 0, 0, 1));
        assertThat(directory.findByEmail(email("bob"))).isEmpty();
    }

    @Test
    void stalePreviewCycleIsRejected() {
        Person boss = fixtures.person("Bea Boss", null, false);
        Person employee = fixtures.person("Emil Emp", null, false);
        ImportPreview preview = preview(HEADER + employee.getEmail() + ",Emil Emp," + boss.getEmail() + ",\n");
        admin.updatePerson(boss.getId(), employee.getId(), false, actor);

        assertThatThrownBy(() -> imports.apply(preview, actor))
                .isInstanceOf(DirectoryChangeRejectedException.class)
                .hasMessageContaining("changed since the preview")
                .hasMessageContaining("manager cycle");
        assertThat(directory.require(employee.getId()).getManagerId()).isNull();
    }

    @Test
    void requesterCannotPreview() {
        SignedInPerson requester = TestFixtures.signedIn(fixtures.person("Emma Employee", null, false));

        assertThatThrownBy(() -> imports.preview(new StringReader(HEADER), requester))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void requesterCannotApply() {
        ImportPreview preview = preview(HEADER + email("ann") + ",Ann Lee,,ADMIN\n");
        SignedInPerson requester = TestFixtures.signedIn(fixtures.person("Emma Employee", null, false));

        assertThatThrownBy(() -> imports.apply(preview, requester)).isInstanceOf(AccessDeniedException.class);
        assertThat(directory.findByEmail(email("ann"))).isEmpty();
    }

    private ImportPreview preview(String csv) {
        return imports.preview(new StringReader(csv), actor);
    }

    private String email(String local) {
        return local + domain;
    }

    private static String reasonOnLine(ImportPreview preview, int line) {
        return preview.rejections().stream().filter(rejection -> rejection.line() == line)
                .map(ImportRejection::reason).findFirst().orElse("(line " + line + " was not rejected)");
    }
}
