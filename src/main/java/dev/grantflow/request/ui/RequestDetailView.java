package dev.grantflow.request.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.grantflow.request.HistoryEntry;
import dev.grantflow.request.RequestNotFoundException;
import dev.grantflow.request.RequestRejectedException;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.SignedInPerson;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;

/**
 * One request: its status, what it waits for or why it ended, and its history. Admins can retry a
 * failed provisioning here.
 */
@Route("requests/:requestId")
@PageTitle("Request | Grantflow")
@PermitAll
class RequestDetailView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID_PARAMETER = "requestId";

    private final RequestService requests;

    RequestDetailView(RequestService requests) {
        this.requests = requests;
    }

    static RouteParameters parameters(long requestId) {
        return new RouteParameters(ID_PARAMETER, String.valueOf(requestId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        SignedInPerson viewer = CurrentUser.require();
        long requestId;
        try {
            requestId = Long.parseLong(event.getRouteParameters().get(ID_PARAMETER).orElse(""));
            show(requests.get(requestId, viewer), viewer);
        } catch (NumberFormatException | RequestNotFoundException e) {
            add(new H2("Request not found"), new Paragraph("There is no such request. Open My requests to see yours."));
        } catch (AccessDeniedException e) {
            add(new H2("Not allowed"), new Paragraph(e.getMessage()));
        }
    }

    private void show(RequestView request, SignedInPerson viewer) {
        add(new H2("Access to " + request.applicationName()));
        HorizontalLayout status = new HorizontalLayout(new StatusBadge(request.status()));
        status.setId("request-status");
        if (request.statusDetail() != null) {
            Span detail = new Span(request.statusDetail());
            detail.setId("status-detail");
            status.add(detail);
        }
        add(status);
        add(new Paragraph("Requested by " + request.requesterName() + " on "
                + MyRequestsView.TIME.format(request.createdAt()) + ". Approval: " + request.approverType().displayName() + "."));
        add(new Paragraph("Justification: " + request.justification()));
        if (request.scimUserId() != null) {
            add(new Paragraph("Account in the target application: " + request.scimUserId()));
        }
        if (request.status() == RequestStatus.FAILED && viewer.admin()) {
            Button retry = new Button("Retry provisioning", click -> retry(request.id(), viewer));
            retry.setId("retry-provisioning");
            add(retry);
        }
        add(new H3("History"));
        Div timeline = new Div();
        timeline.setId("history");
        for (HistoryEntry entry : requests.history(request.id())) {
            Div line = new Div(new Span(MyRequestsView.TIME.format(entry.at()) + " · " + entry.actorName()),
                    new Paragraph(entry.message()));
            line.addClassName("history-entry");
            timeline.add(line);
        }
        add(timeline);
    }

    private void retry(long requestId, SignedInPerson viewer) {
        try {
            requests.retryProvisioning(requestId, viewer);
            Notification.show("Provisioning queued again.");
        } catch (RequestRejectedException e) {
            Notification.show(e.getMessage());
        }
        getUI().ifPresent(ui -> ui.getPage().reload());
    }
}
