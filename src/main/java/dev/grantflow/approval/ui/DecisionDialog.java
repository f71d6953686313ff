package dev.grantflow.approval.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import dev.grantflow.approval.ApprovalService;
import dev.grantflow.approval.ApprovalTask;
import dev.grantflow.approval.DecisionRejectedException;
import dev.grantflow.security.SignedInPerson;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Confirms an approval or rejection with a comment; a rejection needs one.
 */
class DecisionDialog extends Dialog {

    final TextArea comment = new TextArea("Comment");
    final Button confirm;
    private final List<Runnable> decidedListeners = new ArrayList<>();

    DecisionDialog(ApprovalTask task, boolean approve, ApprovalService approvals, SignedInPerson approver) {
        setHeaderTitle((approve ? "Approve" : "Reject") + " access to " + task.applicationName());
        comment.setWidth("30rem");
        comment.setRequired(!approve);
        comment.setHelperText(approve ? "Optional." : "Required: tell " + task.requesterName() + " why.");
        comment.setId("decision-comment");
        add(new Paragraph(task.requesterName() + ": " + task.justification()), comment);
        confirm = new Button(approve ? "Approve" : "Reject", click -> decide(task, approve, approvals, approver));
        confirm.addThemeVariants(approve ? ButtonVariant.PRIMARY : ButtonVariant.ERROR);
        confirm.setId("confirm-decision");
        getFooter().add(new Button("Cancel", click -> close()), confirm);
    }

    void addDecidedListener(Runnable listener) {
        decidedListeners.add(listener);
    }

    private void decide(ApprovalTask task, boolean approve, ApprovalService approvals, SignedInPerson approver) {
        if (!approve && comment.getValue().isBlank()) {
            comment.setInvalid(true);
            comment.setErrorMessage("Enter a comment that tells the requester why the request is rejected.");
            return;
        }
        try {
            approvals.decide(task.taskId(), approver, approve, comment.getValue());
            Notification.show((approve ? "Approved" : "Rejected") + " the request of " + task.requesterName() + ".")
                    .addThemeVariants(approve ? NotificationVariant.SUCCESS : NotificationVariant.WARNING);
        } catch (DecisionRejectedException | AccessDeniedException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.ERROR);
        }
        close();
        decidedListeners.forEach(Runnable::run);
    }
}
