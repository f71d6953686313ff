package dev.grantflow.request.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
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
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;

/**
 * One request: its status, what it waits for or why it ended, its history beside a diagram of its approval
 * path, when a RequestPathDiagram bean is present. Admins can retry a failed provisioning here.
 */
@Route("requests/:requestId")
@PageTitle("Request | Grantflow")
@PermitAll
class RequestDetailView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID_PARAMETER = "requestId";

    /** Statuses that change without the viewer doing anything. */
    private static final Set<RequestStatus> MOVING = EnumSet.of(RequestStatus.PENDING_APPROVAL, RequestStatus.APPROVED,
            RequestStatus.PROVISIONING, RequestStatus.REVOKING);

    /** How often the page checks a request that is still moving, so new statuses appear without a reload. */
    private static final int REFRESH_MILLIS = 2000;

    private final RequestService requests;
    private final ObjectProvider<RequestPathDiagram> diagrams;
    private @Nullable Registration refresh;

    RequestDetailView(RequestService requests, ObjectProvider<RequestPathDiagram> diagrams) {
        this.requests = requests;
        this.diagrams = diagrams;
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
            RequestView request = requests.get(requestId, viewer);
            show(request, viewer);
            refreshWhileMoving(event.getUI(), request, viewer);
        } catch (NumberFormatException | RequestNotFoundException e) {
            add(new H2("Request not found"), new Paragraph("There is no such request. Open My requests to see yours."));
        } catch (AccessDeniedException e) {
            add(new H2("Not allowed"), new Paragraph(e.getMessage()));
        }
    }

    /** Re-renders the page when a request that waits for Grantflow or an approver changes status. */
    private void refreshWhileMoving(UI ui, RequestView shown, SignedInPerson viewer) {
        stopRefresh(ui);
        if (!MOVING.contains(shown.status())) {
            return;
        }
        ui.setPollInterval(REFRESH_MILLIS);
        refresh = ui.addPollListener(poll -> {
            RequestView current = requests.get(shown.id(), viewer);
            if (!current.updatedAt().equals(shown.updatedAt())) {
                removeAll();
                show(current, viewer);
                refreshWhileMoving(ui, current, viewer);
            }
        });
        addDetachListener(detach -> stopRefresh(ui));
    }

    private void stopRefresh(UI ui) {
        if (refresh != null) {
            refresh.remove();
            refresh = null;
        }
        ui.setPollInterval(-1);
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
        HorizontalLayout actions = new HorizontalLayout();
        boolean queued = request.status() == RequestStatus.FAILED || request.status() == RequestStatus.ON_HOLD
                || request.status() == RequestStatus.REVOCATION_FAILED;
        if (queued && viewer.admin()) {
            Button retry = new Button("Retry", click -> act(() -> requests.retryProvisioning(request.id(), viewer), "Queued again."));
            retry.setId("retry-provisioning");
            actions.add(retry);
        }
        if (request.status() == RequestStatus.PROVISIONED) {
            Button revoke = new Button("Revoke access", click -> confirmRevoke(request, viewer));
            revoke.addThemeVariants(ButtonVariant.ERROR);
            revoke.setId("revoke-access");
            actions.add(revoke);
        }
        if (viewer.admin()) {
            actions.add(new Anchor("admin/requests/" + request.id() + "/log", "Provisioning log"));
        }
        add(actions);
        FlexLayout progress = new FlexLayout(history(request));
        progress.addClassName("request-progress");
        progress.setWidthFull();
        RequestPathDiagram diagram = diagrams.getIfAvailable();
        if (diagram != null) {
            diagram.diagram(request.id(), viewer).ifPresent(drawing -> {
                Div section = new Div(new H3("Approval path"), drawing);
                section.addClassName("approval-path-section");
                progress.add(section);
            });
        }
        add(progress);
    }

    private Div history(RequestView request) {
        Div timeline = new Div();
        timeline.setId("history");
        for (HistoryEntry entry : requests.history(request.id())) {
            Div line = new Div(new Span(MyRequestsView.TIME.format(entry.at()) + " · " + entry.actorName()),
                    new Paragraph(entry.message()));
            line.addClassName("history-entry");
            timeline.add(line);
        }
        Div section = new Div(new H3("History"), timeline);
        section.addClassName("history-section");
        return section;
    }

    private void confirmRevoke(RequestView request, SignedInPerson viewer) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Revoke access to " + request.applicationName() + "?");
        confirm.setText("The account of " + request.requesterName() + " is deactivated in " + request.applicationName()
                + ". A new request can give access again later.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Revoke");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> act(() -> requests.revoke(request.id(), viewer), "Revocation queued."));
        confirm.open();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done);
        } catch (RequestRejectedException | AccessDeniedException e) {
            Notification.show(e.getMessage());
        }
        getUI().ifPresent(ui -> ui.getPage().reload());
    }
}
