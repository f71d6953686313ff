package dev.grantflow.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApplicationSummary;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.DraftState;
import dev.grantflow.catalog.FieldProblem;
import dev.grantflow.catalog.PublishState;
import dev.grantflow.catalog.SalesforceIds;
import dev.grantflow.catalog.VersionSummary;
import dev.grantflow.directory.Person;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.security.SystemActor;
import dev.grantflow.testing.KaribuTestSupport;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

class ApplicationEditorViewTest extends KaribuTestSupport {

    private static final String INSTANCE = "https://acme.my.salesforce.com";

    @Autowired
    CatalogService catalog;

    ApplicationEditorView editor;
    String name;

    @BeforeEach
    void openNewSalesforceApplication() {
        Person admin = fixtures.person("Ada Admin", null, true);
        signIn(admin, true);
        UI.getCurrent().navigate(ApplicationEditorView.class, new RouteParameters(ApplicationEditorView.ID_PARAMETER, "new-salesforce"));
        editor = _get(ApplicationEditorView.class);
        name = "Salesforce " + UUID.randomUUID();
        fillValidForm();
    }

    private void fillValidForm() {
        editor.name.setValue(name);
        editor.description.setValue("CRM");
        editor.approverType.setValue(ApproverType.MANAGER);
        editor.fulfillmentEnabled.setValue(true);
        editor.baseUri.setValue(INSTANCE + "/services/scim/v2");
        editor.apiKey.setValue("refresh-token-value");
        editor.groupsObjectId.setValue(SandboxStore.STANDARD_USER_PROFILE_ID);
        editor.oauthEnabled.setValue(true);
        editor.tokenUrl.setValue(INSTANCE + "/services/oauth2/token");
        editor.clientId.setValue("consumer-key");
        editor.clientSecret.setValue("consumer-secret");
    }

    @Test
    void validFormSavesDraft() {
        editor.saveAndFinish.click();

        assertThat(stateOf(name)).isEqualTo(PublishState.NOT_PUBLISHED);
    }

    @Test
    void publishMakesApplicationLive() {
        editor.publish.click();

        assertThat(stateOf(name)).isEqualTo(PublishState.PUBLISHED);
        assertThat(catalog.listRequestable()).anyMatch(entry -> entry.name().equals(name));
    }

    @Test
    void baseUriMustBeHttps() {
        editor.baseUri.setValue("http://acme.my.salesforce.com/services/scim/v2");

        editor.saveAndFinish.click();

        assertThat(editor.baseUri.isInvalid()).isTrue();
        assertThat(editor.baseUri.getErrorMessage()).contains("https");
        assertThat(stateOf(name)).isNull();
    }

    @Test
    void baseUriMustEndInScimPath() {
        editor.baseUri.setValue(INSTANCE + "/services/data");

        editor.saveAndFinish.click();

        assertThat(editor.baseUri.getErrorMessage()).contains("/services/scim/v2");
    }

    @Test
    void baseUriMustNotHaveQuery() {
        editor.baseUri.setValue(INSTANCE + "/services/scim/v2?x=1");

        editor.saveAndFinish.click();

        assertThat(editor.baseUri.getErrorMessage()).contains("query");
    }

    @Test
    void tokenUrlMustEndInTokenPath() {
        editor.tokenUrl.setValue(INSTANCE + "/oauth/token");

        editor.saveAndFinish.click();

        assertThat(editor.tokenUrl.getErrorMessage()).contains("/services/oauth2/token");
    }

    @Test
    void profileIdNeedsProfilePrefix() {
        editor.groupsObjectId.setValue("0055g00000ApIuS");

        editor.saveAndFinish.click();

        assertThat(editor.groupsObjectId.getErrorMessage()).contains("00e");
    }

    @Test
    void profileIdNeedsFifteenOrEighteenCharacters() {
        editor.groupsObjectId.setValue("00e5g000001");

        editor.saveAndFinish.click();

        assertThat(editor.groupsObjectId.getErrorMessage()).contains("15 or 18");
    }

    @Test
    void eighteenCharacterProfileIdNeedsChecksum() {
        String id15 = "00e5g000001AbCd";
        editor.groupsObjectId.setValue(id15 + "AAA");

        editor.saveAndFinish.click();

        assertThat(editor.groupsObjectId.getErrorMessage()).contains("checksum").contains(SalesforceIds.checksum(id15));
    }

    @Test
    void fifteenCharacterProfileIdIsAccepted() {
        editor.groupsObjectId.setValue("00e5g000001AbCd");

        editor.saveAndFinish.click();

        assertThat(editor.groupsObjectId.isInvalid()).isFalse();
        assertThat(stateOf(name)).isEqualTo(PublishState.NOT_PUBLISHED);
    }

    @Test
    void publishNeedsClientIdAndSecret() {
        editor.clientId.setValue("");
        editor.clientSecret.setValue("");

        editor.publish.click();

        assertThat(editor.clientId.isInvalid()).isTrue();
        assertThat(editor.clientSecret.isInvalid()).isTrue();
        assertThat(stateOf(name)).isEqualTo(PublishState.PUBLISH_FAILED);
    }

    @Test
    void incompleteDraftCanBeSaved() {
        editor.baseUri.setValue("");
        editor.clientSecret.setValue("");

        editor.saveAndFinish.click();

        assertThat(editor.baseUri.isInvalid()).isFalse();
        assertThat(stateOf(name)).isEqualTo(PublishState.NOT_PUBLISHED);
    }

    @Test
    void publishNeedsOwnerForOwnerApproval() {
        editor.approverType.setValue(ApproverType.APPLICATION_OWNER);

        editor.publish.click();

        assertThat(editor.owner.isInvalid()).isTrue();
        assertThat(editor.owner.getErrorMessage()).contains("owner");
    }

    @Test
    void nameMustBeUnique() {
        editor.saveAndFinish.click();
        UI.getCurrent().navigate(ApplicationEditorView.class, new RouteParameters(ApplicationEditorView.ID_PARAMETER, "new-salesforce"));
        editor = _get(ApplicationEditorView.class);
        fillValidForm();

        editor.saveAndFinish.click();

        assertThat(editor.name.getErrorMessage()).contains("already exists");
    }

    @Test
    void storedSecretsAreNotShown() {
        editor.saveAndFinish.click();
        long id = idOf(name);

        UI.getCurrent().navigate(ApplicationEditorView.class, new RouteParameters(ApplicationEditorView.ID_PARAMETER, String.valueOf(id)));
        ApplicationEditorView reopened = _get(ApplicationEditorView.class);

        assertThat(reopened.apiKey.getValue()).isEmpty();
        assertThat(reopened.clientSecret.getValue()).isEmpty();
        assertThat(reopened.apiKey.getPlaceholder()).contains("Stored");
    }

    @Test
    void editKeepsStoredSecretsWhenLeftEmpty() {
        editor.saveAndFinish.click();
        long id = idOf(name);
        UI.getCurrent().navigate(ApplicationEditorView.class, new RouteParameters(ApplicationEditorView.ID_PARAMETER, String.valueOf(id)));
        ApplicationEditorView reopened = _get(ApplicationEditorView.class);
        reopened.description.setValue("Changed");

        reopened.publish.click();

        assertThat(stateOf(name)).isEqualTo(PublishState.PUBLISHED);
    }

    @Test
    void editAfterPublishShowsChangesPending() {
        editor.publish.click();
        long id = idOf(name);
        reopen(id).description.setValue("Changed description");

        _get(ApplicationEditorView.class).saveAndFinish.click();

        ApplicationSummary summary = summaryOf(name);
        assertThat(summary.state()).isEqualTo(PublishState.PUBLISHED);
        assertThat(summary.draftState()).isEqualTo(DraftState.CHANGES_PENDING);
    }

    @Test
    void publishedAppHasNoChanges() {
        editor.publish.click();

        assertThat(summaryOf(name).draftState()).isEqualTo(DraftState.NO_CHANGES);
    }

    @Test
    void refusedPublishShowsPublishFailed() {
        editor.clientSecret.setValue("");
        editor.clientId.setValue("");

        editor.publish.click();

        ApplicationSummary summary = summaryOf(name);
        assertThat(summary.state()).isEqualTo(PublishState.PUBLISH_FAILED);
        assertThat(summary.lastPublishError()).contains("client ID");
    }

    @Test
    void historyListsVersionsAndChanges() {
        editor.publish.click();
        long id = idOf(name);
        ApplicationEditorView second = reopen(id);
        second.description.setValue("Second version");
        second.apiKey.setValue("another-refresh-token");
        second.publish.click();

        List<VersionSummary> history = SystemActor.callAsAdmin(() -> catalog.history(id));

        assertThat(history).extracting(VersionSummary::version).containsExactly(2, 1);
        assertThat(history.getFirst().publishedBy()).isEqualTo("Ada Admin");
        assertThat(history.getFirst().changes()).contains("Description: \"CRM\" → \"Second version\"", "API key: changed");
        assertThat(String.join(" ", history.getFirst().changes())).doesNotContain("another-refresh-token");
        assertThat(history.getLast().changes()).containsExactly("First version.");
    }

    @Test
    void differentTokenHostIsOnlyAWarning() {
        editor.tokenUrl.setValue("https://other.my.salesforce.com/services/oauth2/token");

        editor.publish.click();

        assertThat(summaryOf(name).state()).isEqualTo(PublishState.PUBLISHED);
        ApplicationForm form = SystemActor.callAsAdmin(() -> catalog.loadForm(idOf(name)));
        assertThat(catalog.warnings(form)).extracting(FieldProblem::message).singleElement().asString().contains("differs");
    }

    @Test
    void loopbackHttpIsAllowedInDemo() {
        editor.baseUri.setValue("http://localhost:8080/sandbox/salesforce/services/scim/v2");

        editor.saveAndFinish.click();

        assertThat(editor.baseUri.isInvalid()).isFalse();
        assertThat(stateOf(name)).isEqualTo(PublishState.NOT_PUBLISHED);
    }

    @Test
    void scimApplicationNeedsGroupId() {
        UI.getCurrent().navigate(ApplicationEditorView.class, new RouteParameters(ApplicationEditorView.ID_PARAMETER, "new-scim2"));
        editor = _get(ApplicationEditorView.class);
        fillValidForm();
        editor.groupsObjectId.setValue(" ");

        editor.publish.click();

        assertThat(editor.groupsObjectId.isInvalid()).isTrue();
        assertThat(editor.groupsObjectId.getErrorMessage()).contains("SCIM group");
    }

    @Test
    void scimApplicationAcceptsAnyGroupId() {
        UI.getCurrent().navigate(ApplicationEditorView.class, new RouteParameters(ApplicationEditorView.ID_PARAMETER, "new-scim2"));
        editor = _get(ApplicationEditorView.class);
        fillValidForm();
        editor.baseUri.setValue("https://scim.example.com/scim/v2");
        editor.tokenUrl.setValue("https://scim.example.com/oauth/token");
        editor.groupsObjectId.setValue("e9e30dba-f08f-4109-8486-d5c6a331660a");

        editor.publish.click();

        assertThat(stateOf(name)).isEqualTo(PublishState.PUBLISHED);
    }

    private ApplicationEditorView reopen(long id) {
        UI.getCurrent().navigate(ApplicationEditorView.class, new RouteParameters(ApplicationEditorView.ID_PARAMETER, String.valueOf(id)));
        return _get(ApplicationEditorView.class);
    }

    private ApplicationSummary summaryOf(String applicationName) {
        return SystemActor.callAsAdmin(() -> catalog.listApplications(PageRequest.of(0, 1000)).stream()
                .filter(summary -> summary.name().equals(applicationName))
                .findFirst().orElseThrow());
    }

    @Test
    void connectionLinkOnlyForSavedApplication() {
        assertThat(editor.connection.isVisible()).isFalse();
        editor.saveAndFinish.click();
        long id = idOf(name);

        UI.getCurrent().navigate(ApplicationEditorView.class, new RouteParameters(ApplicationEditorView.ID_PARAMETER, String.valueOf(id)));
        ApplicationEditorView reopened = _get(ApplicationEditorView.class);

        assertThat(reopened.connection.isVisible()).isTrue();
        assertThat(reopened.connection.getHref()).isEqualTo("admin/applications/" + id + "/connection");
    }

    private PublishState stateOf(String applicationName) {
        return SystemActor.callAsAdmin(() -> catalog.listApplications(PageRequest.of(0, 1000)).stream()
                .filter(summary -> summary.name().equals(applicationName))
                .map(ApplicationSummary::state)
                .findFirst().orElse(null));
    }

    private long idOf(String applicationName) {
        return SystemActor.callAsAdmin(() -> catalog.listApplications(PageRequest.of(0, 1000)).stream()
                .filter(summary -> summary.name().equals(applicationName))
                .findFirst().orElseThrow().id());
    }
}
