package dev.grantflow.sandbox.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.sandbox.SandboxUser;
import dev.grantflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Admins' view of the users in the sandbox org: what provisioning created there, with profile and status.
 */
@Route("admin/sandbox")
@PageTitle("Sandbox users | Grantflow")
@RolesAllowed(Roles.ADMIN)
class SandboxUsersView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    final Grid<SandboxUser> grid = new Grid<>(SandboxUser.class, false);

    SandboxUsersView(ObjectProvider<SandboxStore> sandbox) {
        setSizeFull();
        add(new H2("Sandbox users"));
        SandboxStore store = sandbox.getIfAvailable();
        if (store == null) {
            add(new Paragraph("The sandbox is off. It runs in the demo profile (grantflow.sandbox.enabled=true)."));
            return;
        }
        add(new Paragraph("Users in the Salesforce-compatible sandbox org. Provisioned requests appear here."));
        grid.addColumn(SandboxUser::userName).setHeader("User name").setAutoWidth(true);
        grid.addColumn(user -> (user.givenName() == null ? "" : user.givenName() + " ") + user.familyName()).setHeader("Name");
        grid.addColumn(SandboxUser::profileName).setHeader("Profile").setAutoWidth(true);
        grid.addColumn(SandboxUser::profileId).setHeader("Profile ID").setAutoWidth(true);
        grid.addColumn(user -> user.active() ? "Active" : "Inactive").setHeader("Status").setAutoWidth(true);
        grid.addColumn(SandboxUser::id).setHeader("Id").setAutoWidth(true);
        grid.addColumn(user -> TIME.format(user.created())).setHeader("Created").setAutoWidth(true);
        grid.setItems(store.users());
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("sandbox-users");
        add(new Button("Refresh", click -> grid.setItems(store.users())), grid);
    }
}
