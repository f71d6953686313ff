package dev.grantflow.provisioning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.grantflow.provisioning.ConnectionProblem;
import dev.grantflow.provisioning.ConnectionService;
import dev.grantflow.request.RequestRejectedException;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestView;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.Roles;
import dev.grantflow.security.SignedInPerson;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.springframework.data.domain.PageRequest;

/**
 * The failure queue: connections that need re-authorization, and requests whose provisioning or revocation
 * failed or is held, with the reason, the attempts and retry buttons.
 */
@Route("admin/failures")
@PageTitle("Failures | Grantflow")
@RolesAllowed(Roles.ADMIN)
class FailuresView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    final Grid<RequestView> grid = new Grid<>(RequestView.class, false);
    private final RequestService requests;
    private final SignedInPerson admin;

    FailuresView(RequestService requests, ConnectionService connections) {
        this.requests = requests;
        this.admin = CurrentUser.require();
        setSizeFull();
        add(new H2("Failures"));
        List<ConnectionProblem> problems = connections.problems();
        if (!problems.isEmpty()) {
            add(new H3("Connections that need re-authorization"));
            problems.forEach(problem -> add(connectionProblem(problem)));
        }
        add(new H3("Failed and held requests"));
        if (requests.countQueue() == 0) {
            add(new Paragraph("Nothing has failed. Requests whose provisioning fails or is held appear here with the reason."));
        }
        grid.addColumn(RequestView::requesterName).setHeader("Requester").setAutoWidth(true);
        grid.addColumn(RequestView::applicationName).setHeader("Application").setAutoWidth(true);
        grid.addColumn(request -> request.status().displayName()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(request -> request.statusDetail() == null ? "" : request.statusDetail()).setHeader("Reason").setFlexGrow(1);
        grid.addColumn(RequestView::attempts).setHeader("Attempts").setAutoWidth(true);
        grid.addColumn(request -> TIME.format(request.updatedAt())).setHeader("Since").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setKey("actions").setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(
                (Query<RequestView, Void> query) -> requests.listQueue(admin, PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> (int) requests.countQueue()));
        grid.setId("failures");
        add(grid);
    }

    private HorizontalLayout connectionProblem(ConnectionProblem problem) {
        Paragraph text = new Paragraph(problem.applicationName() + ": " + problem.detail()
                + " Enter a working refresh token as the API key under Admin > Applications and publish; held requests then continue.");
        Anchor open = new Anchor("admin/applications/" + problem.applicationId(), "Open application");
        return new HorizontalLayout(text, open);
    }

    private HorizontalLayout actions(RequestView request) {
        Button retry = new Button("Retry", click -> run(() -> {
            requests.retryProvisioning(request.id(), admin);
            return "Queued request " + request.id() + " again.";
        }));
        retry.addThemeVariants(ButtonVariant.SMALL);
        Button retryAll = new Button("Retry all for this app", click -> run(() ->
                "Queued " + requests.retryAll(request.applicationId(), admin) + " requests of " + request.applicationName() + " again."));
        retryAll.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        Anchor log = new Anchor("admin/requests/" + request.id() + "/log", "Log");
        return new HorizontalLayout(retry, retryAll, log);
    }

    private void run(java.util.function.Supplier<String> action) {
        try {
            Notification.show(action.get());
        } catch (RequestRejectedException e) {
            Notification.show(e.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }
}
