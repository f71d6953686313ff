package dev.grantflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grantflow.security.SignedInPerson;
import dev.grantflow.testing.TestFixtures;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The directory keeps at least one admin. The shared Spring context is closed before this class, so the class
 * starts on a new H2 database that holds only the people these tests create.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class LastAdminTest {

    @Autowired
    DirectoryAdminService admin;
    @Autowired
    DirectoryImportService imports;
    @Autowired
    DirectoryService directory;
    @Autowired
    TestFixtures fixtures;

    @Test
    void lastAdminKeepsOwnAdminRole() {
        Person only = onlyAdmin();

        assertThatThrownBy(() -> admin.updatePerson(only.getId(), null, false, TestFixtures.signedIn(only)))
                .isInstanceOf(DirectoryChangeRejectedException.class)
                .hasMessageContaining(only.getDisplayName() + " is the last admin");
        assertThat(directory.require(only.getId()).isAdmin()).isTrue();
    }

    @Test
    void importCannotRemoveLastAdmin() {
        Person only = onlyAdmin();
        SignedInPerson actor = TestFixtures.signedIn(only);

        ImportPreview preview = imports.preview(new StringReader("email,display name,manager email,roles\n"
                + only.getEmail() + "," + only.getDisplayName() + ",,\n"), actor);

        assertThat(preview.changes()).isEmpty();
        assertThat(preview.rejections()).singleElement().extracting(ImportRejection::reason).asString()
                .contains("would leave the directory without an admin");
    }

    @Test
    void importMayMoveAdminRole() {
        Person only = onlyAdmin();
        Person successor = fixtures.person("Sid Successor", null, false);

        ImportPreview preview = imports.preview(new StringReader("email,display name,manager email,roles\n"
                + only.getEmail() + "," + only.getDisplayName() + ",,\n"
                + successor.getEmail() + "," + successor.getDisplayName() + ",,ADMIN\n"), TestFixtures.signedIn(only));

        assertThat(preview.rejections()).isEmpty();
        assertThat(preview.changes()).hasSize(2);
    }

    /** Removes ADMIN from everyone that earlier tests made admin, and returns a new sole admin. */
    private Person onlyAdmin() {
        Person only = fixtures.person("Olga Only", null, true);
        for (Person other : directory.admins()) {
            if (other.getId() != only.getId()) {
                other.setAdmin(false);
                directory.save(other);
            }
        }
        return only;
    }
}
