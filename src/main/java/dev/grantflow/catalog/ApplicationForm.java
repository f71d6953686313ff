package dev.grantflow.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The admin's form for an application, bound field by field. Secrets are write-only: the form
 * carries a new value when the admin types one, and otherwise only whether a value is stored.
 */
public class ApplicationForm {

    private CatalogTemplate template = CatalogTemplate.SALESFORCE;

    @NotBlank(message = "Enter a name that requesters will recognise, such as \"Salesforce\".")
    @Size(max = 120, message = "Use at most 120 characters for the name.")
    private String name = "";

    @Size(max = 2000, message = "Use at most 2,000 characters for the description.")
    private String description = "";

    private @Nullable Long ownerId;
    private boolean fulfillmentEnabled = true;

    @NotNull(message = "Choose an approver type.")
    private ApproverType approverType = ApproverType.MANAGER;

    private String baseUri = "";
    private @Nullable String newApiKey;
    private boolean apiKeyStored;
    private String groupsObjectId = "";
    private boolean oauthEnabled = true;
    private String tokenUrl = "";
    private String clientId = "";
    private @Nullable String newClientSecret;
    private boolean clientSecretStored;
    private RevokeMode revokeMode = RevokeMode.DEACTIVATE_USER;

    public CatalogTemplate getTemplate() {
        return template;
    }

    public void setTemplate(CatalogTemplate template) {
        this.template = template;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description == null ? "" : description;
    }

    public @Nullable Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(@Nullable Long ownerId) {
        this.ownerId = ownerId;
    }

    public boolean isFulfillmentEnabled() {
        return fulfillmentEnabled;
    }

    public void setFulfillmentEnabled(boolean fulfillmentEnabled) {
        this.fulfillmentEnabled = fulfillmentEnabled;
    }

    public ApproverType getApproverType() {
        return approverType;
    }

    public void setApproverType(ApproverType approverType) {
        this.approverType = approverType;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(@Nullable String baseUri) {
        this.baseUri = baseUri == null ? "" : baseUri.strip();
    }

    /** Returns the API key typed in this edit, or null to keep the stored one. */
    public @Nullable String getNewApiKey() {
        return newApiKey;
    }

    public void setNewApiKey(@Nullable String newApiKey) {
        this.newApiKey = newApiKey == null || newApiKey.isBlank() ? null : newApiKey.strip();
    }

    public boolean isApiKeyStored() {
        return apiKeyStored;
    }

    void setApiKeyStored(boolean apiKeyStored) {
        this.apiKeyStored = apiKeyStored;
    }

    public String getGroupsObjectId() {
        return groupsObjectId;
    }

    public void setGroupsObjectId(@Nullable String groupsObjectId) {
        this.groupsObjectId = groupsObjectId == null ? "" : groupsObjectId.strip();
    }

    public boolean isOauthEnabled() {
        return oauthEnabled;
    }

    public void setOauthEnabled(boolean oauthEnabled) {
        this.oauthEnabled = oauthEnabled;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(@Nullable String tokenUrl) {
        this.tokenUrl = tokenUrl == null ? "" : tokenUrl.strip();
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(@Nullable String clientId) {
        this.clientId = clientId == null ? "" : clientId.strip();
    }

    /** Returns the client secret typed in this edit, or null to keep the stored one. */
    public @Nullable String getNewClientSecret() {
        return newClientSecret;
    }

    public void setNewClientSecret(@Nullable String newClientSecret) {
        this.newClientSecret = newClientSecret == null || newClientSecret.isBlank() ? null : newClientSecret.strip();
    }

    public boolean isClientSecretStored() {
        return clientSecretStored;
    }

    void setClientSecretStored(boolean clientSecretStored) {
        this.clientSecretStored = clientSecretStored;
    }

    public RevokeMode getRevokeMode() {
        return revokeMode;
    }

    public void setRevokeMode(@Nullable RevokeMode revokeMode) {
        this.revokeMode = revokeMode == null ? RevokeMode.DEACTIVATE_USER : revokeMode;
    }

    @Override
    public String toString() {
        return "ApplicationForm[template=" + template + ", name=" + name + ", approverType=" + approverType + "]";
    }
}
