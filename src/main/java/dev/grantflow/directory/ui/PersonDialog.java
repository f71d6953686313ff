package dev.grantflow.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.grantflow.directory.DirectoryAdminService;
import dev.grantflow.directory.DirectoryChangeRejectedException;
import dev.grantflow.directory.PersonSummary;
import dev.grantflow.security.SignedInPerson;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/**
 * Changes one person's manager and ADMIN role. A rejected change shows its reason next to the field it concerns.
 */
class PersonDialog extends Dialog {

    final ComboBox<PersonSummary> manager = new ComboBox<>("Manager");
    final Checkbox admin = new Checkbox("Admin");
    final Button save = new Button("Save");
    private final List<Runnable> savedListeners = new ArrayList<>();

    PersonDialog(PersonSummary person, DirectoryAdminService directory, SignedInPerson actor) {
        setHeaderTitle("Edit " + person.displayName());
        manager.setItems(query -> directory.search(query.getFilter().orElse(""),
                PageRequest.of(query.getPage(), query.getPageSize()), actor).stream());
        manager.setItemLabelGenerator(candidate -> candidate.displayName() + " (" + candidate.email() + ")");
        manager.setClearButtonVisible(true);
        manager.setPlaceholder("No manager");
        manager.setHelperText("Type to search. Leave empty for no manager; the admins then approve this person's requests.");
        manager.setWidth("28rem");
        manager.setId("person-manager");
        if (person.managerId() != null) {
            manager.setValue(directory.summary(person.managerId(), actor));
        }
        admin.setValue(person.admin());
        admin.setHelperText("Everyone is a requester. A new ADMIN role takes effect at the person's next sign-in.");
        admin.setId("person-admin");
        add(new VerticalLayout(manager, admin));
        save.addClickListener(click -> save(person, directory, actor));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-person");
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    void addSavedListener(Runnable listener) {
        savedListeners.add(listener);
    }

    private void save(PersonSummary person, DirectoryAdminService directory, SignedInPerson actor) {
        manager.setInvalid(false);
        admin.setInvalid(false);
        PersonSummary chosen = manager.getValue();
        try {
            PersonSummary saved = directory.updatePerson(person.id(), chosen == null ? null : chosen.id(),
                    admin.getValue(), actor);
            Notification.show("Saved " + saved.displayName() + ".").addThemeVariants(NotificationVariant.SUCCESS);
        } catch (DirectoryChangeRejectedException e) {
            if (e.rule() == DirectoryChangeRejectedException.Rule.MANAGER_CYCLE) {
                manager.setErrorMessage(e.getMessage());
                manager.setInvalid(true);
            } else {
                admin.setErrorMessage(e.getMessage());
                admin.setInvalid(true);
            }
            return;
        } catch (AccessDeniedException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.ERROR);
        }
        close();
        savedListeners.forEach(Runnable::run);
    }
}
