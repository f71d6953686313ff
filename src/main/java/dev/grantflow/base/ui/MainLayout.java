package dev.grantflow.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.grantflow.approval.ApprovalService;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.SignedInPerson;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The frame around every signed-in page: a side navigation that shows each person the views of their roles.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final ApprovalService approvals;
    private final SignedInPerson person;
    private @Nullable SideNavItem inbox;

    MainLayout(AuthenticationContext authentication, Environment environment, ApprovalService approvals) {
        this.approvals = approvals;
        this.person = CurrentUser.require();
        H1 title = new H1("Grantflow");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        signOut.setId("sign-out");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, new Span(person.displayName()), signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);
        SideNav navigation = navigation(person);
        inbox = navigation.getItems().stream().filter(item -> "inbox".equals(item.getPath())).findFirst().orElse(null);
        addToDrawer(navigation);
        if (person.admin()) {
            addToDrawer(adminNavigation(environment.getProperty("grantflow.sandbox.enabled", Boolean.class, false)));
        }
        setPrimarySection(Section.DRAWER);
    }

    private static SideNav navigation(SignedInPerson person) {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Catalog", "", VaadinIcon.GRID_BIG.create()));
        nav.addItem(new SideNavItem("My requests", "requests", VaadinIcon.LIST.create()));
        if (person.approver() || person.admin()) {
            nav.addItem(new SideNavItem("Inbox", "inbox", VaadinIcon.INBOX.create()));
        }
        return nav;
    }

    // A labelled navigation of its own instead of an expandable item, because axe-core 4.14 reports the expand
    // button of an expandable side-nav item (aria-controls="children") as a critical invalid ARIA value.
    private static SideNav adminNavigation(boolean sandboxEnabled) {
        SideNav admin = new SideNav("Admin");
        admin.setId("admin-navigation");
        admin.addItem(new SideNavItem("Applications", "admin/applications", VaadinIcon.COG.create()));
        admin.addItem(new SideNavItem("Directory", "admin/directory", VaadinIcon.USERS.create()));
        admin.addItem(new SideNavItem("Failures", "admin/failures", VaadinIcon.WARNING.create()));
        admin.addItem(new SideNavItem("Audit", "admin/audit", VaadinIcon.RECORDS.create()));
        if (sandboxEnabled) {
            admin.addItem(new SideNavItem("Sandbox users", "admin/sandbox", VaadinIcon.CLOUD.create()));
        }
        return admin;
    }

    /** Counts the pending decisions again after every navigation, so the badge follows approvals and rejections. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (inbox != null) {
            showPendingCount(inbox, approvals.countInbox(person));
        }
    }

    /** Puts a badge with the number of pending decisions after the Inbox item, or none when nothing waits. */
    private static void showPendingCount(SideNavItem inbox, long pending) {
        if (pending == 0) {
            inbox.setSuffixComponent(null);
            return;
        }
        Span badge = new Span(String.valueOf(pending));
        badge.addClassName("pending-count");
        badge.getElement().setAttribute("aria-label", pending + " pending");
        badge.setId("inbox-pending-count");
        inbox.setSuffixComponent(badge);
    }
}
