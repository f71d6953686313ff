package dev.grantflow.testing;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.grantflow.directory.Person;
import dev.grantflow.security.PersonPrincipal;
import dev.grantflow.security.Roles;
import dev.grantflow.security.SignedInPerson;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the Karibu view tests: a mocked Vaadin UI on the real Spring context, and sign-in as a person
 * both in Spring Security and in the fake servlet request that Vaadin's view access control reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class KaribuTestSupport {

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected TestFixtures fixtures;

    /**
     * Finds every {@code @Route} class and error view. Karibu's own discovery skips package-private classes,
     * and the views here are package-private, so Spring's scanner adds them.
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        Routes routes = new Routes().autoDiscoverViews("dev.grantflow");
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.grantflow")) {
            routes.getRoutes().add((Class<? extends Component>) ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), KaribuTestSupport.class.getClassLoader()));
        }
        ClassPathScanningCandidateComponentProvider errorScanner = new ClassPathScanningCandidateComponentProvider(false);
        errorScanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        for (BeanDefinition candidate : errorScanner.findCandidateComponents("dev.grantflow")) {
            routes.getErrorRoutes().add((Class<? extends HasErrorParameter<?>>) ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), KaribuTestSupport.class.getClassLoader()));
        }
        return routes;
    }

    @BeforeEach
    void startVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void stopVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Starts a fresh mocked UI without a signed-in person, as a new browser session would. */
    protected void restartVaadin() {
        stopVaadin();
        startVaadin();
    }

    /** Signs the person in for the rest of the test, with the roles the directory gives them. */
    protected void signIn(Person person, boolean approver) {
        SignedInPerson signedIn = new SignedInPerson(person.getId(), person.getEmail(), person.getDisplayName(),
                person.isAdmin(), approver);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.REQUESTER));
        if (approver) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.APPROVER));
        }
        if (person.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
        }
        TestPrincipal principal = new TestPrincipal(signedIn);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(principal);
        request.setUserInRole((user, role) -> authorities.stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role) || authority.getAuthority().equals(role)));
    }

    /** A signed-in test person. */
    record TestPrincipal(SignedInPerson person) implements PersonPrincipal, Principal {

        @Override
        public String getName() {
            return person.email();
        }
    }
}
