package dev.grantflow.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.grantflow.directory.Person;
import dev.grantflow.testing.KaribuTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each role gets only its views: in the side navigation, and when typing a route.
 */
class RoleViewsTest extends KaribuTestSupport {

    @Test
    void requesterSeesCatalogAndRequestsOnly() {
        signIn(fixtures.person("Emma Employee", null, false), false);
        UI.getCurrent().navigate("");

        assertThat(navigationLabels()).containsExactly("Catalog", "My requests");
    }

    @Test
    void approverAlsoSeesInbox() {
        signIn(fixtures.person("Maria Manager", null, false), true);
        UI.getCurrent().navigate("");

        assertThat(navigationLabels()).containsExactly("Catalog", "My requests", "Inbox");
    }

    @Test
    void adminSeesAdminViews() {
        signIn(fixtures.person("Ada Admin", null, true), true);
        UI.getCurrent().navigate("");

        assertThat(navigationLabels()).contains("Inbox", "Applications", "Failures", "Sandbox users");
        assertThat(_find(SideNav.class)).extracting(SideNav::getLabel).contains("Admin");
    }

    @Test
    void requesterCannotOpenAdminRoute() {
        signIn(fixtures.person("Emma Employee", null, false), false);

        UI.getCurrent().navigate("admin/applications");

        assertThat(_find(AccessDeniedView.class)).hasSize(1);
        assertThat(_find(H2.class)).extracting(H2::getText).containsExactly("Not allowed");
    }

    @Test
    void requesterCannotOpenInbox() {
        signIn(fixtures.person("Emma Employee", null, false), false);

        UI.getCurrent().navigate("inbox");

        assertThat(_find(AccessDeniedView.class)).hasSize(1);
    }

    @Test
    void adminCanOpenAdminRoute() {
        signIn(fixtures.person("Ada Admin", null, true), true);

        UI.getCurrent().navigate("admin/applications");

        assertThat(currentPath()).isEqualTo("admin/applications");
    }

    private static List<String> navigationLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    private static String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }
}
