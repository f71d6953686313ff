package dev.grantflow.request.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import dev.grantflow.catalog.CatalogEntry;
import dev.grantflow.request.RequestRejectedException;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestView;
import dev.grantflow.security.CurrentUser;

/**
 * Asks for a justification and submits the request. A rejected submission keeps the text and shows why.
 */
class RequestAccessDialog extends Dialog {

    final TextArea justification = new TextArea("Justification");
    final Button submit = new Button("Submit request");

    RequestAccessDialog(CatalogEntry entry, RequestService requests) {
        setHeaderTitle("Request access to " + entry.name());
        justification.setRequired(true);
        justification.setMaxLength(2000);
        justification.setWidth("32rem");
        justification.setHelperText("Why do you need access? Your approvers read this.");
        justification.setId("justification");
        add(justification);
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.setId("submit-request");
        submit.addClickListener(click -> submit(entry, requests));
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, submit);
    }

    private void submit(CatalogEntry entry, RequestService requests) {
        if (justification.getValue().isBlank()) {
            justification.setInvalid(true);
            justification.setErrorMessage("Enter a justification: say why you need access, so the approver can decide.");
            return;
        }
        try {
            RequestView created = requests.submit(CurrentUser.require().personId(), entry.id(), justification.getValue());
            close();
            Notification.show("Request submitted for " + entry.name() + ".").addThemeVariants(NotificationVariant.SUCCESS);
            UI.getCurrent().navigate(RequestDetailView.class, RequestDetailView.parameters(created.id()));
        } catch (RequestRejectedException e) {
            justification.setInvalid(true);
            justification.setErrorMessage(e.getMessage());
        }
    }
}
