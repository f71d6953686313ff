package dev.grantflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grantflow.security.SignedInPerson;
import dev.grantflow.testing.TestFixtures;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Searching people and changing their manager and ADMIN role, as admins do on the directory page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DirectoryAdminServiceTest {

    @Autowired
    DirectoryAdminService admin;
    @Autowired
    DirectoryService directory;
    @Autowired
    TestFixtures fixtures;

    SignedInPerson actor;
    String family;
    Person manager;
    Person employee;

    @BeforeEach
    void createPeople() {
        actor = TestFixtures.signedIn(fixtures.person("Ada Admin", null, true));
        family = "Fam" + UUID.randomUUID().toString().substring(0, 6);
        manager = fixtures.person("Maria " + family, null, false);
        employee = fixtures.person("Emma " + family, manager, false);
    }

    @Test
    void searchMatchesNamePartIgnoringCase() {
        Page<PersonSummary> page = admin.search(family.toUpperCase(), PageRequest.of(0, 10), actor);

        assertThat(page.getContent()).extracting(PersonSummary::displayName)
                .containsExactly("Emma " + family, "Maria " + family);
    }

    @Test
    void searchMatchesEmail() {
        Page<PersonSummary> page = admin.search(employee.getEmail(), PageRequest.of(0, 10), actor);

        assertThat(page.getContent()).extracting(PersonSummary::id).containsExactly(employee.getId());
    }

    @Test
    void countMatchesSearch() {
        assertThat(admin.count(family, actor)).isEqualTo(2);
    }

    @Test
    void searchPagesResults() {
        Page<PersonSummary> second = admin.search(family, PageRequest.of(1, 1), actor);

        assertThat(second.getContent()).extracting(PersonSummary::displayName).containsExactly("Maria " + family);
        assertThat(second.getTotalElements()).isEqualTo(2);
    }

    @Test
    void summaryShowsManagerAndReports() {
        PersonSummary employeeSummary = admin.summary(employee.getId(), actor);
        PersonSummary managerSummary = admin.summary(manager.getId(), actor);

        assertThat(employeeSummary.managerName()).isEqualTo("Maria " + family);
        assertThat(employeeSummary.withoutManager()).isFalse();
        assertThat(managerSummary.withoutManager()).isTrue();
        assertThat(managerSummary.reportCount()).isEqualTo(1);
    }

    @Test
    void updateSetsManagerAndAdmin() {
        Person other = fixtures.person("Otto " + family, null, false);

        PersonSummary updated = admin.updatePerson(employee.getId(), other.getId(), true, actor);

        assertThat(updated.managerName()).isEqualTo("Otto " + family);
        assertThat(directory.require(employee.getId()).getManagerId()).isEqualTo(other.getId());
        assertThat(directory.require(employee.getId()).isAdmin()).isTrue();
    }

    @Test
    void updateClearsManager() {
        admin.updatePerson(employee.getId(), null, false, actor);

        assertThat(directory.require(employee.getId()).getManagerId()).isNull();
    }

    @Test
    void ownManagerIsRejected() {
        assertThatThrownBy(() -> admin.updatePerson(employee.getId(), employee.getId(), false, actor))
                .isInstanceOf(DirectoryChangeRejectedException.class)
                .hasMessageContaining("Emma " + family + " cannot be their own manager");
    }

    @Test
    void twoPersonCycleIsRejectedWithNames() {
        assertThatThrownBy(() -> admin.updatePerson(manager.getId(), employee.getId(), false, actor))
                .isInstanceOf(DirectoryChangeRejectedException.class)
                .hasMessageContaining("Maria " + family + " → Emma " + family + " → Maria " + family);
        assertThat(directory.require(manager.getId()).getManagerId()).isNull();
    }

    @Test
    void longerCycleIsRejected() {
        Person intern = fixtures.person("Ivo " + family, employee, false);

        assertThatThrownBy(() -> admin.updatePerson(manager.getId(), intern.getId(), false, actor))
                .isInstanceOf(DirectoryChangeRejectedException.class)
                .extracting(error -> ((DirectoryChangeRejectedException) error).rule())
                .isEqualTo(DirectoryChangeRejectedException.Rule.MANAGER_CYCLE);
    }

    @Test
    void adminRoleRemovableWhileOthersRemain() {
        Person second = fixtures.person("Sid " + family, null, true);

        admin.updatePerson(second.getId(), null, false, actor);

        assertThat(directory.require(second.getId()).isAdmin()).isFalse();
    }

    @Test
    void requesterCannotSearch() {
        SignedInPerson requester = TestFixtures.signedIn(employee);

        assertThatThrownBy(() -> admin.search("", PageRequest.of(0, 10), requester)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void requesterCannotUpdate() {
        SignedInPerson requester = TestFixtures.signedIn(employee);

        assertThatThrownBy(() -> admin.updatePerson(employee.getId(), null, true, requester))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(directory.require(employee.getId()).isAdmin()).isFalse();
    }

    @Test
    void formerAdminSessionIsDenied() {
        Person former = fixtures.person("Fay " + family, null, true);
        SignedInPerson oldSession = TestFixtures.signedIn(former);
        admin.updatePerson(former.getId(), null, false, actor);

        assertThatThrownBy(() -> admin.count("", oldSession)).isInstanceOf(AccessDeniedException.class);
    }
}
