package dev.grantflow.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through a real OpenID Connect provider with automatic creation of unknown people: claims become
 * the person, the admin group becomes the ADMIN role, and the manager claim sets the manager.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcSignInTest {

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        OidcTestSupport.register(registry, true);
    }

    @Test
    void firstSignInCreatesRequester() throws Exception {
        URI landing = OidcTestSupport.signIn(port, Map.of("email", "nora.new@grantflow.test", "name", "Nora New"));

        assertThat(landing.getPath()).isEqualTo("/");
        Person person = directory.findByEmail("nora.new@grantflow.test").orElseThrow();
        assertThat(person.getDisplayName()).isEqualTo("Nora New");
        assertThat(person.isAdmin()).isFalse();
    }

    @Test
    void adminGroupGrantsAdminRole() throws Exception {
        OidcTestSupport.signIn(port, Map.of("email", "gina.group@grantflow.test", "name", "Gina Group",
                "groups", List.of("staff", OidcTestSupport.ADMIN_GROUP)));

        assertThat(directory.findByEmail("gina.group@grantflow.test").orElseThrow().isAdmin()).isTrue();
    }

    @Test
    void leavingAdminGroupRemovesAdminRole() throws Exception {
        OidcTestSupport.signIn(port, Map.of("email", "lee.left@grantflow.test", "groups", List.of(OidcTestSupport.ADMIN_GROUP)));

        OidcTestSupport.signIn(port, Map.of("email", "lee.left@grantflow.test", "groups", List.of("staff")));

        assertThat(directory.findByEmail("lee.left@grantflow.test").orElseThrow().isAdmin()).isFalse();
    }

    @Test
    void knownPersonIsMatchedByEmail() throws Exception {
        Person existing = directory.save(new Person("kim.known@grantflow.test", "Kim Known"));

        OidcTestSupport.signIn(port, Map.of("email", "Kim.Known@grantflow.test", "name", "Kim Known-Renamed"));

        Person signedIn = directory.findByEmail("kim.known@grantflow.test").orElseThrow();
        assertThat(signedIn.getId()).isEqualTo(existing.getId());
        assertThat(signedIn.getDisplayName()).isEqualTo("Kim Known-Renamed");
    }

    @Test
    void managerClaimSetsManager() throws Exception {
        Person manager = directory.save(new Person("mia.manager@grantflow.test", "Mia Manager"));

        OidcTestSupport.signIn(port, Map.of("email", "rob.report@grantflow.test", "manager_email", "mia.manager@grantflow.test"));

        assertThat(directory.findByEmail("rob.report@grantflow.test").orElseThrow().getManagerId()).isEqualTo(manager.getId());
    }

    @Test
    void missingEmailClaimIsRefused() throws Exception {
        URI landing = OidcTestSupport.signIn(port, Map.of("name", "No Email"));

        assertThat(landing.getPath()).isEqualTo("/login");
        assertThat(landing.getQuery()).isEqualTo("oidc-error=missing_email_claim");
    }
}
