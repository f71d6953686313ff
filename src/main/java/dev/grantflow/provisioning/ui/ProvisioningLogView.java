package dev.grantflow.provisioning.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.grantflow.provisioning.LoggedCall;
import dev.grantflow.provisioning.ProvisioningLog;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * A request's provisioning log for admins: every SCIM and token call with status, duration and error code.
 */
@Route("admin/requests/:requestId/log")
@PageTitle("Provisioning log | Grantflow")
@RolesAllowed(Roles.ADMIN)
class ProvisioningLogView extends VerticalLayout implements BeforeEnterObserver {

    final Grid<LoggedCall> grid = new Grid<>(LoggedCall.class, false);
    private final ProvisioningLog callLog;

    ProvisioningLogView(ProvisioningLog callLog) {
        this.callLog = callLog;
        setSizeFull();
        grid.addColumn(call -> FailuresView.TIME.format(call.at())).setHeader("Time").setAutoWidth(true);
        grid.addColumn(LoggedCall::method).setHeader("Method").setAutoWidth(true);
        grid.addColumn(LoggedCall::path).setHeader("Path").setFlexGrow(1);
        grid.addColumn(call -> call.status() == 0 ? "no response" : String.valueOf(call.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(call -> call.durationMs() + " ms").setHeader("Duration").setAutoWidth(true);
        grid.addColumn(call -> call.errorCode() == null ? "" : call.errorCode()).setHeader("Error code").setAutoWidth(true);
        grid.addColumn(LoggedCall::message).setHeader("Message").setFlexGrow(1);
        grid.setId("provisioning-log");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String parameter = event.getRouteParameters().get("requestId").orElse("");
        long requestId;
        try {
            requestId = Long.parseLong(parameter);
        } catch (NumberFormatException e) {
            add(new H2("Request not found"), new Paragraph("\"" + parameter + "\" is not a request number."));
            return;
        }
        List<LoggedCall> calls = callLog.calls(requestId, CurrentUser.require());
        add(new H2("Provisioning log of request " + requestId), new Anchor("requests/" + requestId, "Back to the request"));
        if (calls.isEmpty()) {
            add(new Paragraph("No calls yet. Calls appear here once provisioning or revocation starts."));
        }
        grid.setItems(calls);
        add(grid);
    }
}
