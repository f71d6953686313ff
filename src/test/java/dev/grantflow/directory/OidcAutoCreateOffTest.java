package dev.grantflow.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through a real OpenID Connect provider with automatic creation off: unknown people are refused
 * with a clear page, people in the directory still sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcAutoCreateOffTest {

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        OidcTestSupport.register(registry, false);
    }

    @Test
    void unknownPersonIsRefused() throws Exception {
        URI landing = OidcTestSupport.signIn(port, Map.of("email", "uma.unknown@grantflow.test"));

        assertThat(landing.getQuery()).isEqualTo("oidc-error=person_not_in_directory");
        assertThat(directory.findByEmail("uma.unknown@grantflow.test")).isEmpty();
    }

    @Test
    void knownPersonSignsIn() throws Exception {
        directory.save(new Person("kai.known@grantflow.test", "Kai Known"));

        URI landing = OidcTestSupport.signIn(port, Map.of("email", "kai.known@grantflow.test"));

        assertThat(landing.getPath()).isEqualTo("/");
    }
}
