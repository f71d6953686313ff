package dev.grantflow.approval.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.grantflow.approval.ApprovalTask;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.testing.KaribuTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class InboxViewTest extends KaribuTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    RequestService requests;

    RequestView request;

    @BeforeEach
    void submitRequest() {
        Person admin = fixtures.person("Ada Admin", null, true);
        Person manager = fixtures.person("Maria Manager", null, false);
        Person employee = fixtures.person("Emma Employee", manager, false);
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        request = requests.submit(employee.getId(), app, "Quarterly review");
        signIn(manager, true);
        UI.getCurrent().navigate(InboxView.class);
    }

    private static Button decisionButton(String text) {
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(_get(InboxView.class).grid, 0, "decision");
        return actions.getChildren().map(Button.class::cast).filter(button -> button.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void inboxListsPendingTask() {
        InboxView inbox = _get(InboxView.class);

        assertThat(GridKt._size(inbox.grid)).isEqualTo(1);
        ApprovalTask task = GridKt._get(inbox.grid, 0);
        assertThat(task.requesterName()).isEqualTo("Emma Employee");
        assertThat(task.justification()).isEqualTo("Quarterly review");
    }

    @Test
    void approveProvisionsRequest() {
        decisionButton("Approve").click();
        DecisionDialog dialog = _get(DecisionDialog.class);

        dialog.confirm.click();

        await().atMost(Duration.ofSeconds(20)).until(() -> requests.get(request.id()).status() == RequestStatus.PROVISIONED);
        assertThat(GridKt._size(_get(InboxView.class).grid)).isZero();
    }

    @Test
    void rejectNeedsComment() {
        decisionButton("Reject").click();
        DecisionDialog dialog = _get(DecisionDialog.class);

        dialog.confirm.click();

        assertThat(dialog.comment.isInvalid()).isTrue();
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
    }

    @Test
    void rejectWithCommentEndsRequest() {
        decisionButton("Reject").click();
        DecisionDialog dialog = _get(DecisionDialog.class);
        dialog.comment.setValue("Use the reporting app instead");

        dialog.confirm.click();

        RequestView rejected = requests.get(request.id());
        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.statusDetail()).isEqualTo("Use the reporting app instead");
    }
}
