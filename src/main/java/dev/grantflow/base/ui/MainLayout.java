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
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.SignedInPerson;
import jakarta.annotation.security.PermitAll;
import org.springframework.core.env.Environment;

/**
 * The frame around every signed-in page: a side navigation that shows each person the views of their roles.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication, Environment environment) {
        SignedInPerson person = CurrentUser.require();
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
        addToDrawer(navigation(person, environment.getProperty("grantflow.sandbox.enabled", Boolean.class, false)));
        setPrimarySection(Section.DRAWER);
    }

    private static SideNav navigation(SignedInPerson person, boolean sandboxEnabled) {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Catalog", "", VaadinIcon.GRID_BIG.create()));
        nav.addItem(new SideNavItem("My requests", "requests", VaadinIcon.LIST.create()));
        if (person.approver() || person.admin()) {
            nav.addItem(new SideNavItem("Inbox", "inbox", VaadinIcon.INBOX.create()));
        }
        if (person.admin()) {
            SideNavItem admin = new SideNavItem("Admin");
            admin.setExpanded(true);
            admin.addItem(new SideNavItem("Applications", "admin/applications", VaadinIcon.COG.create()));
            admin.addItem(new SideNavItem("Directory", "admin/directory", VaadinIcon.USERS.create()));
            admin.addItem(new SideNavItem("Failures", "admin/failures", VaadinIcon.WARNING.create()));
            admin.addItem(new SideNavItem("Audit", "admin/audit", VaadinIcon.RECORDS.create()));
            if (sandboxEnabled) {
                admin.addItem(new SideNavItem("Sandbox users", "admin/sandbox", VaadinIcon.CLOUD.create()));
            }
            nav.addItem(admin);
        }
        return nav;
    }
}
