package dev.grantflow.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.grantflow.directory.Person;
import dev.grantflow.security.ui.LoginView;
import dev.grantflow.testing.KaribuTestSupport;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every role against every route: allowed routes open, others show the not-allowed page, and anonymous
 * visitors get the sign-in page. The same matrix is in docs/authorization.md.
 */
class RouteAccessMatrixTest extends KaribuTestSupport {

    enum Role { REQUESTER, MANAGER, OWNER, ADMIN, ANONYMOUS }

    private static final Set<Role> SIGNED_IN = Set.of(Role.REQUESTER, Role.MANAGER, Role.OWNER, Role.ADMIN);
    private static final Set<Role> APPROVERS = Set.of(Role.MANAGER, Role.OWNER, Role.ADMIN);
    private static final Set<Role> ADMINS = Set.of(Role.ADMIN);

    private static final Map<String, Set<Role>> ROUTES = Map.of(
            "", SIGNED_IN,
            "requests", SIGNED_IN,
            "inbox", APPROVERS,
            "admin/applications", ADMINS,
            "admin/applications/new-salesforce", ADMINS,
            "admin/failures", ADMINS,
            "admin/sandbox", ADMINS,
            "admin/requests/1/log", ADMINS);

    @Test
    void everyRoleOpensExactlyItsRoutes() {
        for (Role role : Role.values()) {
            for (Map.Entry<String, Set<Role>> route : ROUTES.entrySet()) {
                signInAs(role);
                UI.getCurrent().navigate(route.getKey());

                assertThat(outcome())
                        .as("route /%s for %s", route.getKey(), role)
                        .isEqualTo(expected(role, route.getValue()));
            }
        }
    }

    private static String expected(Role role, Set<Role> allowed) {
        if (allowed.contains(role)) {
            return "opened";
        }
        return role == Role.ANONYMOUS ? "sign-in" : "not allowed";
    }

    private static String outcome() {
        if (!_find(LoginView.class).isEmpty()) {
            return "sign-in";
        }
        if (!_find(AccessDeniedView.class).isEmpty() || !_find(NotFoundView.class).isEmpty()) {
            return "not allowed";
        }
        return "opened";
    }

    /** Starts each visit in a fresh UI, so one role's session never leaks into the next. */
    private void signInAs(Role role) {
        restartVaadin();
        if (role == Role.ANONYMOUS) {
            return;
        }
        Person person = fixtures.person(role.name() + " Person", null, role == Role.ADMIN);
        signIn(person, role != Role.REQUESTER);
    }
}
