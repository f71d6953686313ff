package dev.grantflow.provisioning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.RouteParameters;
import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.directory.Person;
import dev.grantflow.provisioning.ConnectOutcome;
import dev.grantflow.provisioning.ConnectOutcomes;
import dev.grantflow.provisioning.ConnectOutcomesAccess;
import dev.grantflow.provisioning.ConnectionCheck;
import dev.grantflow.security.SystemActor;
import dev.grantflow.testing.KaribuTestSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class ConnectionViewTest extends KaribuTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    CatalogService catalog;
    @Autowired
    ConnectOutcomes outcomes;

    Person admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = fixtures.person("Ada Admin", null, true);
        signIn(admin, true);
    }

    @Test
    void showsRedirectUriAndConnectLink() {
        long app = draft(fixtures.sandboxForm(port, ApproverType.NONE, null));

        ConnectionView view = open(app);

        assertThat(view.redirectUri.getValue()).endsWith("/admin/connect/callback/app-" + app);
        assertThat(view.connect.getHref()).isEqualTo("admin/connect/start/app-" + app);
        assertThat(view.connect.isEnabled()).isTrue();
        assertThat(view.connectHint.isVisible()).isFalse();
    }

    @Test
    void connectNeedsOauth() {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        form.setOauthEnabled(false);

        ConnectionView view = open(draft(form));

        assertThat(view.connect.isEnabled()).isFalse();
        assertThat(view.connectHint.getText()).contains("OAuth 2.0");
    }

    @Test
    void testShowsEachStep() {
        ConnectionView view = open(draft(fixtures.sandboxForm(port, ApproverType.NONE, null)));

        view.test.click();
        awaitTestEnd(view);

        assertThat(rows(view)).extracting(ConnectionCheck::result)
                .containsExactly(ConnectionCheck.Result.PASSED, ConnectionCheck.Result.PASSED, ConnectionCheck.Result.PASSED);
    }

    @Test
    void failedTestShowsFix() {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        form.setNewClientSecret("wrong-secret");
        ConnectionView view = open(draft(form));

        view.test.click();
        awaitTestEnd(view);

        assertThat(rows(view).get(0).result()).isEqualTo(ConnectionCheck.Result.FAILED);
        assertThat(rows(view).get(0).fix()).contains("Client secret");
    }

    @Test
    void publishAfterPassingTest() {
        long app = draft(fixtures.sandboxForm(port, ApproverType.NONE, null));
        ConnectionView view = open(app);

        view.publish.click();
        awaitTestEnd(view);

        assertThat(catalog.findPublished(app)).isPresent();
    }

    @Test
    void publishAfterFailedTestAsksFirst() {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        form.setNewClientSecret("wrong-secret");
        long app = draft(form);
        ConnectionView view = open(app);

        view.publish.click();
        awaitTestEnd(view);
        ConfirmDialog confirm = _get(ConfirmDialog.class);

        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Publish anyway?");
        assertThat(catalog.findPublished(app)).isEmpty();
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(catalog.findPublished(app)).isPresent();
    }

    @Test
    void showsConnectOutcome() {
        long app = draft(fixtures.sandboxForm(port, ApproverType.NONE, null));
        ConnectOutcomesAccess.put(outcomes, admin.getId(), app, new ConnectOutcome(true, "Connected as user 005"));

        ConnectionView view = open(app);

        assertThat(view.outcome.isVisible()).isTrue();
        assertThat(view.outcome.getText()).isEqualTo("Connected as user 005");
        assertThat(outcomes.take(admin.getId(), app)).isEmpty();
    }

    @Test
    void unknownApplicationShowsNotFound() {
        UI.getCurrent().navigate(ConnectionView.class, new RouteParameters(ConnectionView.ID_PARAMETER, "999999"));

        assertThat(_get(ConnectionView.class).getChildren().findFirst().orElseThrow().getElement().getText())
                .isEqualTo("Application not found");
    }

    private ConnectionView open(long app) {
        UI.getCurrent().navigate(ConnectionView.class, new RouteParameters(ConnectionView.ID_PARAMETER, String.valueOf(app)));
        return _get(ConnectionView.class);
    }

    /** Runs the UI updates that the background test queued until its buttons are enabled again. */
    private static void awaitTestEnd(ConnectionView view) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().until(() -> {
            MockVaadin.runUIQueue();
            return view.test.isEnabled() && view.publish.isEnabled();
        });
    }

    private static List<ConnectionCheck> rows(ConnectionView view) {
        return view.checks.getListDataView().getItems().toList();
    }

    private long draft(ApplicationForm form) {
        return SystemActor.callAsAdmin(() -> catalog.create(form, admin.getId()));
    }
}
