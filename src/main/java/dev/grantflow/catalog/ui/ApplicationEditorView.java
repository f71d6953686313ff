package dev.grantflow.catalog.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApplicationNotFoundException;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.CatalogTemplate;
import dev.grantflow.catalog.FieldProblem;
import dev.grantflow.catalog.InvalidApplicationException;
import dev.grantflow.catalog.RevokeMode;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.directory.Person;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Adds or edits an application: Basic Information, then Fulfillment. "Save and Finish" stores a draft,
 * "Publish" makes the draft live. Secrets are write-only: leave them empty to keep the stored values.
 */
@Route("admin/applications/:applicationId")
@PageTitle("Application | Grantflow")
@RolesAllowed(Roles.ADMIN)
class ApplicationEditorView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID_PARAMETER = "applicationId";

    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final ComboBox<Person> owner = new ComboBox<>("Application owner");
    final Checkbox fulfillmentEnabled = new Checkbox("Enable fulfillment");
    final Select<ApproverType> approverType = new Select<>();
    final TextField baseUri = new TextField("Base URI");
    final PasswordField apiKey = new PasswordField("API key");
    final TextField groupsObjectId = new TextField("Groups Object ID");
    final Checkbox oauthEnabled = new Checkbox("OAuth 2.0");
    final TextField tokenUrl = new TextField("Token URL");
    final TextField clientId = new TextField("Client ID");
    final PasswordField clientSecret = new PasswordField("Client secret");
    final Select<RevokeMode> revokeMode = new Select<>();
    final Button saveAndFinish = new Button("Save and Finish");
    final Button publish = new Button("Publish");
    final Anchor connection = new Anchor("", "Connection…");

    private final CatalogService catalog;
    private final Binder<ApplicationForm> binder = new Binder<>(ApplicationForm.class);
    private final H2 title = new H2();
    private final Div history = new Div();
    private @Nullable Long applicationId;
    private ApplicationForm form = new ApplicationForm();

    ApplicationEditorView(CatalogService catalog, DirectoryService directory) {
        this.catalog = catalog;
        owner.setItems(directory.findAll().stream().sorted(Comparator.comparing(Person::getDisplayName)).toList());
        owner.setItemLabelGenerator(person -> person.getDisplayName() + " <" + person.getEmail() + ">");
        owner.setClearButtonVisible(true);
        approverType.setLabel("Approver type");
        approverType.setItems(ApproverType.values());
        approverType.setItemLabelGenerator(ApproverType::displayName);
        revokeMode.setLabel("On revocation");
        revokeMode.setItems(RevokeMode.values());
        revokeMode.setItemLabelGenerator(RevokeMode::displayName);
        bind(directory);
        List.of(name, baseUri, apiKey, groupsObjectId, tokenUrl, clientId, clientSecret)
                .forEach(field -> field.setRequiredIndicatorVisible(true));
        saveAndFinish.addThemeVariants(ButtonVariant.PRIMARY);
        saveAndFinish.addClickListener(click -> save(false));
        publish.addClickListener(click -> save(true));
        name.setId("application-name");
        description.setId("application-description");
        baseUri.setId("base-uri");
        apiKey.setId("api-key");
        groupsObjectId.setId("groups-object-id");
        fulfillmentEnabled.setId("fulfillment-enabled");
        oauthEnabled.setId("oauth-enabled");
        tokenUrl.setId("token-url");
        clientId.setId("client-id");
        clientSecret.setId("client-secret");
        saveAndFinish.setId("save-and-finish");
        publish.setId("publish");
        connection.setId("connection");
        connection.setVisible(false);
        oauthEnabled.addValueChangeListener(change -> showOauthFields(change.getValue()));
        add(title, new H3("Basic Information"), new FormLayout(name, owner, description), new H3("Fulfillment"),
                fulfillmentEnabled, new FormLayout(approverType, fulfillmentType(),
                        baseUri, apiKey, groupsObjectId, revokeMode), oauthEnabled, new FormLayout(tokenUrl, clientId, clientSecret),
                new HorizontalLayout(saveAndFinish, publish, connection), history);
    }

    private static TextField fulfillmentType() {
        TextField type = new TextField("Fulfillment type");
        type.setValue("SCIM Endpoint");
        type.setReadOnly(true);
        return type;
    }

    private void bind(DirectoryService directory) {
        binder.forField(name).bind(ApplicationForm::getName, ApplicationForm::setName);
        binder.forField(description).bind(ApplicationForm::getDescription, ApplicationForm::setDescription);
        binder.forField(owner).bind(form -> form.getOwnerId() == null ? null : directory.find(form.getOwnerId()).orElse(null),
                (form, person) -> form.setOwnerId(person == null ? null : person.getId()));
        binder.forField(fulfillmentEnabled).bind(ApplicationForm::isFulfillmentEnabled, ApplicationForm::setFulfillmentEnabled);
        binder.forField(approverType).bind(ApplicationForm::getApproverType, ApplicationForm::setApproverType);
        binder.forField(baseUri).bind(ApplicationForm::getBaseUri, ApplicationForm::setBaseUri);
        binder.forField(apiKey).bind(form -> "", ApplicationForm::setNewApiKey);
        binder.forField(groupsObjectId).bind(ApplicationForm::getGroupsObjectId, ApplicationForm::setGroupsObjectId);
        binder.forField(oauthEnabled).bind(ApplicationForm::isOauthEnabled, ApplicationForm::setOauthEnabled);
        binder.forField(tokenUrl).bind(ApplicationForm::getTokenUrl, ApplicationForm::setTokenUrl);
        binder.forField(clientId).bind(ApplicationForm::getClientId, ApplicationForm::setClientId);
        binder.forField(clientSecret).bind(form -> "", ApplicationForm::setNewClientSecret);
        binder.forField(revokeMode).bind(ApplicationForm::getRevokeMode, ApplicationForm::setRevokeMode);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String parameter = event.getRouteParameters().get(ID_PARAMETER).orElse("");
        try {
            if (parameter.startsWith("new-")) {
                applicationId = null;
                form = catalog.newForm(CatalogTemplate.valueOf(parameter.substring(4).toUpperCase(Locale.ROOT)));
            } else {
                applicationId = Long.parseLong(parameter);
                form = catalog.loadForm(applicationId);
            }
        } catch (IllegalArgumentException | ApplicationNotFoundException e) {
            removeAll();
            add(new H2("Application not found"), new Paragraph("Open Admin > Applications and choose an application."));
            return;
        }
        title.setText((applicationId == null ? "Add " : "Edit ") + form.getTemplate().displayName() + " application");
        history.removeAll();
        if (applicationId != null) {
            history.add(new VersionHistory(catalog.history(applicationId)));
        }
        groupsObjectId.setHelperText(form.getTemplate().groupsObjectMeaning()
                + (form.getTemplate() == CatalogTemplate.SALESFORCE ? ": 15 or 18 characters starting with 00e" : ""));
        apiKey.setPlaceholder(form.isApiKeyStored() ? "Stored; type a new value to replace it" : "");
        apiKey.setHelperText("With OAuth 2.0: the refresh token. Without: the bearer token.");
        clientSecret.setPlaceholder(form.isClientSecretStored() ? "Stored; type a new value to replace it" : "");
        baseUri.setHelperText(form.getTemplate() == CatalogTemplate.SALESFORCE
                ? "https://<instance>.my.salesforce.com/services/scim/v2" : "The SCIM 2.0 service's base URL");
        revokeMode.setVisible(form.getTemplate() == CatalogTemplate.SCIM2);
        // A plain link, because the connection view belongs to the provisioning feature.
        connection.setHref(applicationId == null ? "" : "admin/applications/" + applicationId + "/connection");
        connection.setVisible(applicationId != null);
        binder.readBean(form);
        showOauthFields(form.isOauthEnabled());
    }

    private void showOauthFields(boolean visible) {
        tokenUrl.setVisible(visible);
        clientId.setVisible(visible);
        clientSecret.setVisible(visible);
    }

    private void save(boolean thenPublish) {
        fields().values().forEach(field -> field.setInvalid(false));
        binder.writeBeanAsDraft(form, true);
        long actorId = CurrentUser.require().personId();
        try {
            if (applicationId == null) {
                applicationId = catalog.create(form, actorId);
            } else {
                catalog.saveDraft(applicationId, form, actorId);
            }
        } catch (InvalidApplicationException e) {
            showProblems(e, "Nothing was saved: fix the marked fields.");
            return;
        }
        String message = "Saved the draft of " + form.getName() + ". Publish it to make it live.";
        if (thenPublish) {
            try {
                int version = catalog.publish(applicationId, actorId);
                message = "Published " + form.getName() + " as version " + version + ".";
            } catch (InvalidApplicationException e) {
                showProblems(e, "Saved the draft, but it cannot be published yet: fix the marked fields.");
                return;
            }
        }
        Notification.show(message).addThemeVariants(NotificationVariant.SUCCESS);
        catalog.warnings(form).forEach(warning -> Notification.show("Warning: " + warning.message(), 10_000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.WARNING));
        getUI().ifPresent(ui -> ui.navigate(ApplicationsView.class));
    }

    private void showProblems(InvalidApplicationException invalid, String summary) {
        Map<String, HasValidation> fields = fields();
        for (FieldProblem problem : invalid.problems()) {
            HasValidation field = fields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(problem.message());
                field.setInvalid(true);
            }
        }
        Notification.show(summary).addThemeVariants(NotificationVariant.ERROR);
    }

    private Map<String, HasValidation> fields() {
        return Map.ofEntries(Map.entry("name", name), Map.entry("description", description), Map.entry("ownerId", owner),
                Map.entry("approverType", approverType), Map.entry("baseUri", baseUri), Map.entry("newApiKey", apiKey),
                Map.entry("groupsObjectId", groupsObjectId), Map.entry("tokenUrl", tokenUrl),
                Map.entry("clientId", clientId), Map.entry("newClientSecret", clientSecret));
    }
}
