package dev.grantflow.provisioning.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.grantflow.catalog.ApplicationNotFoundException;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.CatalogTemplate;
import dev.grantflow.catalog.ConnectionSettings;
import dev.grantflow.catalog.FieldProblem;
import dev.grantflow.catalog.InvalidApplicationException;
import dev.grantflow.provisioning.ConnectOutcome;
import dev.grantflow.provisioning.ConnectOutcomes;
import dev.grantflow.provisioning.ConnectionCheck;
import dev.grantflow.provisioning.ConnectionTest;
import dev.grantflow.provisioning.SalesforceConnect;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application's connection page: the redirect URI for the Salesforce connected app, "Test connection" on
 * the draft settings, "Connect to Salesforce" for a new refresh token, and "Publish". Publish tests first
 * and asks before it publishes a draft whose test failed. The test runs in the background, and server push
 * shows each step as it ends.
 */
@Route("admin/applications/:applicationId/connection")
@PageTitle("Connection | Grantflow")
@RolesAllowed(Roles.ADMIN)
class ConnectionView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID_PARAMETER = "applicationId";

    private static final Logger log = LoggerFactory.getLogger(ConnectionView.class);

    final H2 title = new H2();
    final TextField redirectUri = new TextField("Redirect URI");
    final Paragraph outcome = new Paragraph();
    final Button test = new Button("Test connection");
    final Anchor connect = new Anchor("", "Connect to Salesforce");
    final Paragraph connectHint = new Paragraph();
    final Button publish = new Button("Publish");
    final Grid<ConnectionCheck> checks = new Grid<>(ConnectionCheck.class, false);

    private final CatalogService catalog;
    private final ConnectionTest connectionTest;
    private final ConnectOutcomes outcomes;
    private final List<ConnectionCheck> results = new ArrayList<>();
    private long applicationId;
    private String applicationName = "";

    ConnectionView(CatalogService catalog, ConnectionTest connectionTest, ConnectOutcomes outcomes) {
        this.catalog = catalog;
        this.connectionTest = connectionTest;
        this.outcomes = outcomes;
        setSizeFull();
        redirectUri.setReadOnly(true);
        redirectUri.setWidthFull();
        redirectUri.setHelperText("Paste this into the Callback URL of the connected app in Salesforce Setup.");
        outcome.setId("connect-outcome");
        outcome.setVisible(false);
        connect.setRouterIgnore(true);
        connect.setId("connect");
        test.setId("test-connection");
        test.addThemeVariants(ButtonVariant.PRIMARY);
        test.addClickListener(click -> startTest(this::showSummary));
        publish.setId("publish");
        publish.addClickListener(click -> startTest(this::publishOrConfirm));
        checks.addColumn(ConnectionCheck::name).setHeader("Step").setAutoWidth(true);
        checks.addColumn(check -> resultLabel(check.result())).setHeader("Result").setAutoWidth(true);
        checks.addColumn(check -> check.result() == ConnectionCheck.Result.SKIPPED ? "" : check.duration().toMillis() + " ms")
                .setHeader("Duration").setAutoWidth(true);
        checks.addColumn(check -> check.detail() == null ? "" : check.detail()).setHeader("Details").setFlexGrow(1);
        checks.addColumn(check -> check.fix() == null ? "" : check.fix()).setHeader("Fix").setFlexGrow(1);
        checks.setAllRowsVisible(true);
        checks.setId("connection-checks");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String parameter = event.getRouteParameters().get(ID_PARAMETER).orElse("");
        ConnectionSettings settings;
        try {
            applicationId = Long.parseLong(parameter);
            settings = catalog.draftConnection(applicationId);
        } catch (NumberFormatException | ApplicationNotFoundException e) {
            add(new H2("Application not found"), new Paragraph("Open Admin > Applications and choose an application."));
            return;
        }
        applicationName = settings.name();
        title.setText("Connection of " + applicationName);
        boolean salesforce = settings.template() == CatalogTemplate.SALESFORCE;
        redirectUri.setValue(SalesforceConnect.redirectUri(VaadinServletRequest.getCurrent().getHttpServletRequest(), applicationId));
        redirectUri.setVisible(salesforce);
        String problem = SalesforceConnect.problem(settings);
        connect.setHref(SalesforceConnect.startPath(applicationId));
        connect.setEnabled(problem == null);
        connect.setVisible(salesforce);
        connectHint.setText(problem == null ? "" : problem);
        connectHint.setVisible(problem != null);
        outcome.setVisible(false);
        outcomes.take(CurrentUser.require().personId(), applicationId).ifPresent(this::showOutcome);
        results.clear();
        checks.setItems(results);
        add(title, new Anchor("admin/applications/" + applicationId, "Back to the application settings"),
                new Paragraph("The test and the connection use the draft settings, so you can check them before publishing."),
                redirectUri, outcome, new HorizontalLayout(test, connect, publish), connectHint, checks);
    }

    private void showOutcome(ConnectOutcome connectOutcome) {
        outcome.setText(connectOutcome.message());
        outcome.getStyle().setColor(connectOutcome.connected() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        outcome.setVisible(true);
    }

    /** Runs the test in the background, shows each step as it ends, then hands all steps to {@code then}. */
    private void startTest(Consumer<List<ConnectionCheck>> then) {
        UI ui = UI.getCurrent();
        long actorId = CurrentUser.require().personId();
        results.clear();
        checks.setItems(List.of());
        test.setEnabled(false);
        publish.setEnabled(false);
        connectionTest.start(applicationId, actorId, check -> access(ui, () -> {
            results.add(check);
            checks.setItems(List.copyOf(results));
        })).whenComplete((all, failure) -> access(ui, () -> {
            test.setEnabled(true);
            publish.setEnabled(true);
            if (failure != null) {
                log.warn("Connection test could not run, applicationId={}", applicationId, failure);
                notify("The connection test could not run: " + failure.getMessage(), NotificationVariant.ERROR);
                return;
            }
            then.accept(all);
        }));
    }

    private void showSummary(List<ConnectionCheck> all) {
        Optional<ConnectionCheck> failed = firstFailure(all);
        if (failed.isEmpty()) {
            notify("The connection works.", NotificationVariant.SUCCESS);
        } else {
            notify("The connection test failed at \"" + failed.get().name() + "\". See the fix in the table.",
                    NotificationVariant.ERROR);
        }
    }

    private void publishOrConfirm(List<ConnectionCheck> all) {
        Optional<ConnectionCheck> failed = firstFailure(all);
        if (failed.isEmpty()) {
            publishDraft();
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog("Publish anyway?", "The connection test failed at \""
                + failed.get().name() + "\": " + failed.get().detail() + " Provisioning fails until the connection"
                + " works. Publish the draft anyway?", "Publish anyway", event -> publishDraft());
        confirm.setCancelable(true);
        confirm.setCancelText("Cancel");
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void publishDraft() {
        try {
            int version = catalog.publish(applicationId, CurrentUser.require().personId());
            notify("Published " + applicationName + " as version " + version + ".", NotificationVariant.SUCCESS);
        } catch (InvalidApplicationException e) {
            String problems = e.problems().stream().map(FieldProblem::message).collect(Collectors.joining(" "));
            notify("Cannot publish yet. " + problems + " Fix this in the application settings.", NotificationVariant.ERROR);
        }
    }

    private static Optional<ConnectionCheck> firstFailure(List<ConnectionCheck> all) {
        return all.stream().filter(check -> check.result() == ConnectionCheck.Result.FAILED).findFirst();
    }

    private static String resultLabel(ConnectionCheck.Result result) {
        return switch (result) {
            case PASSED -> "Passed";
            case FAILED -> "Failed";
            case SKIPPED -> "Skipped";
        };
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification.show(message).addThemeVariants(variant);
    }

    /** Updates the UI from a background thread; a UI that was closed meanwhile is left alone. */
    private static void access(UI ui, Runnable update) {
        try {
            ui.access(update::run);
        } catch (UIDetachedException e) {
            log.debug("Dropped a connection test update because the page was closed");
        }
    }
}
