package dev.grantflow.approval.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.grantflow.approval.ApprovalService;
import dev.grantflow.approval.ApprovalTask;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.Roles;
import dev.grantflow.security.SignedInPerson;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;

/**
 * The approver's inbox: the decisions waiting for the signed-in person, newest first.
 */
@Route("inbox")
@PageTitle("Inbox | Grantflow")
@RolesAllowed({Roles.APPROVER, Roles.ADMIN})
class InboxView extends VerticalLayout {

    final Grid<ApprovalTask> grid = new Grid<>(ApprovalTask.class, false);
    private final Paragraph empty = new Paragraph("Nothing to decide. Requests that need your approval appear here.");

    InboxView(ApprovalService approvals) {
        SignedInPerson approver = CurrentUser.require();
        setSizeFull();
        add(new H2("Inbox"), empty);
        grid.addColumn(ApprovalTask::requesterName).setHeader("Requester").setAutoWidth(true);
        grid.addColumn(ApprovalTask::applicationName).setHeader("Application").setAutoWidth(true);
        grid.addColumn(task -> task.stage().displayName() + (task.fallback() ? " (admins)" : "")).setHeader("Stage").setAutoWidth(true);
        grid.addColumn(ApprovalTask::justification).setHeader("Justification").setFlexGrow(1)
                .setTooltipGenerator(ApprovalTask::justification);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(task -> age(task.createdAt())).setHeader("Age").setAutoWidth(true);
        grid.addComponentColumn(task -> actions(task, approvals, approver)).setHeader("Decision").setKey("decision")
                .setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(
                (Query<ApprovalTask, Void> query) -> approvals.inbox(approver, query.getOffset(), query.getLimit()).stream(),
                query -> (int) approvals.countInbox(approver)));
        grid.setId("inbox");
        add(grid);
        empty.setVisible(approvals.countInbox(approver) == 0);
    }

    private HorizontalLayout actions(ApprovalTask task, ApprovalService approvals, SignedInPerson approver) {
        Button approve = new Button("Approve", click -> open(task, true, approvals, approver));
        approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        approve.setId("approve-" + task.requestId());
        Button reject = new Button("Reject", click -> open(task, false, approvals, approver));
        reject.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
        reject.setId("reject-" + task.requestId());
        return new HorizontalLayout(approve, reject);
    }

    private void open(ApprovalTask task, boolean approve, ApprovalService approvals, SignedInPerson approver) {
        DecisionDialog dialog = new DecisionDialog(task, approve, approvals, approver);
        dialog.addDecidedListener(() -> {
            grid.getDataProvider().refreshAll();
            empty.setVisible(approvals.countInbox(approver) == 0);
        });
        dialog.open();
    }

    static String age(Instant created) {
        Duration age = Duration.between(created, Instant.now());
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h";
        }
        return age.toDays() + " d";
    }
}
