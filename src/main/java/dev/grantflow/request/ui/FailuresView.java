package dev.grantflow.request.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.grantflow.request.RequestRejectedException;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.Roles;
import dev.grantflow.security.SignedInPerson;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;

/**
 * Admins' list of requests whose provisioning failed, with the reason and a retry button.
 */
@Route("admin/failures")
@PageTitle("Failed provisioning | Grantflow")
@RolesAllowed(Roles.ADMIN)
class FailuresView extends VerticalLayout {

    final Grid<RequestView> grid = new Grid<>(RequestView.class, false);

    FailuresView(RequestService requests) {
        SignedInPerson admin = CurrentUser.require();
        setSizeFull();
        add(new H2("Failed provisioning"));
        if (requests.countByStatus(RequestStatus.FAILED) == 0) {
            add(new Paragraph("Nothing has failed. Requests whose provisioning fails appear here with the reason."));
        }
        grid.addColumn(RequestView::requesterName).setHeader("Requester").setAutoWidth(true);
        grid.addColumn(RequestView::applicationName).setHeader("Application").setAutoWidth(true);
        grid.addColumn(request -> request.statusDetail() == null ? "" : request.statusDetail()).setHeader("Reason");
        grid.addComponentColumn(request -> new Button("Retry", click -> {
            try {
                requests.retryProvisioning(request.id(), admin);
                Notification.show("Provisioning of request " + request.id() + " queued again.");
            } catch (RequestRejectedException e) {
                Notification.show(e.getMessage());
            }
            grid.getDataProvider().refreshAll();
        })).setHeader("Action").setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(
                (Query<RequestView, Void> query) -> requests.listByStatus(RequestStatus.FAILED, admin,
                        PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> (int) requests.countByStatus(RequestStatus.FAILED)));
        add(grid);
    }
}
