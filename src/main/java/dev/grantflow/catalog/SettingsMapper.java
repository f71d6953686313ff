package dev.grantflow.catalog;

import dev.grantflow.security.SecretCipher;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Copies values between the admin's form, the stored settings and the published read model.
 */
final class SettingsMapper {

    private SettingsMapper() {
    }

    static ApplicationForm toForm(CatalogTemplate template, ApplicationSettings stored) {
        ApplicationForm form = new ApplicationForm();
        form.setTemplate(template);
        form.setName(stored.name);
        form.setDescription(stored.description);
        form.setOwnerId(stored.ownerId);
        form.setFulfillmentEnabled(stored.fulfillmentEnabled);
        form.setApproverType(stored.approverType);
        form.setBaseUri(stored.baseUri);
        form.setApiKeyStored(stored.apiKeySealed != null);
        form.setGroupsObjectId(stored.groupsObjectId);
        form.setOauthEnabled(stored.oauthEnabled);
        form.setTokenUrl(stored.tokenUrl);
        form.setClientId(stored.clientId);
        form.setClientSecretStored(stored.clientSecretSealed != null);
        form.setRevokeMode(stored.revokeMode);
        return form;
    }

    /** Writes the form into stored settings, sealing newly typed secrets and keeping stored ones otherwise. */
    static void apply(ApplicationForm form, ApplicationSettings target, SecretCipher cipher, long actorId) {
        target.name = form.getName().strip();
        target.description = form.getDescription().strip();
        target.ownerId = form.getOwnerId();
        target.fulfillmentEnabled = form.isFulfillmentEnabled();
        target.approverType = form.getApproverType();
        target.baseUri = blankToNull(form.getBaseUri());
        if (form.getNewApiKey() != null) {
            target.apiKeySealed = cipher.seal(form.getNewApiKey()).ciphertext();
        }
        target.groupsObjectId = blankToNull(form.getGroupsObjectId());
        target.oauthEnabled = form.isOauthEnabled();
        target.tokenUrl = blankToNull(form.getTokenUrl());
        target.clientId = blankToNull(form.getClientId());
        if (form.getNewClientSecret() != null) {
            target.clientSecretSealed = cipher.seal(form.getNewClientSecret()).ciphertext();
        }
        // Salesforce has no group membership to remove, so revoking there always deactivates.
        target.revokeMode = form.getTemplate() == CatalogTemplate.SALESFORCE ? RevokeMode.DEACTIVATE_USER : form.getRevokeMode();
        target.savedBy = actorId;
        target.savedAt = Instant.now();
    }

    static PublishedApplication toPublished(Application application, ApplicationSettings live) {
        return new PublishedApplication(application.requireId(), Objects.requireNonNull(live.versionNumber), live.name,
                application.template, live.approverType, live.ownerId, live.fulfillmentEnabled, live.baseUri, live.apiKey(),
                live.groupsObjectId, live.oauthEnabled, live.tokenUrl, live.clientId, live.clientSecret(), live.revokeMode);
    }

    static ConnectionSettings toConnection(Application application, ApplicationSettings stored) {
        return new ConnectionSettings(application.requireId(), stored.name, application.template, stored.baseUri,
                stored.apiKey(), stored.groupsObjectId, stored.oauthEnabled, stored.tokenUrl, stored.clientId,
                stored.clientSecret());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
