package dev.grantflow.catalog;

import dev.grantflow.security.SealedSecret;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One saved state of an application's settings: the draft (no version number) or a published version
 * (numbered, never changed again). Secrets are stored sealed.
 */
@Entity
@Table(name = "application_settings")
class ApplicationSettings {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;

    @Column(name = "application_id", nullable = false)
    long applicationId;

    @Column(name = "version_number")
    @Nullable Integer versionNumber;

    @Column(nullable = false, length = 120)
    String name = "";

    @Column(nullable = false, length = 2000)
    String description = "";

    @Column(name = "owner_id")
    @Nullable Long ownerId;

    @Column(name = "fulfillment_enabled", nullable = false)
    boolean fulfillmentEnabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "approver_type", nullable = false, length = 40)
    ApproverType approverType = ApproverType.MANAGER;

    @Column(name = "base_uri", length = 500)
    @Nullable String baseUri;

    @Column(name = "api_key_sealed", length = 4000)
    @Nullable String apiKeySealed;

    @Column(name = "groups_object_id", length = 200)
    @Nullable String groupsObjectId;

    @Column(name = "oauth_enabled", nullable = false)
    boolean oauthEnabled;

    @Column(name = "token_url", length = 500)
    @Nullable String tokenUrl;

    @Column(name = "client_id", length = 500)
    @Nullable String clientId;

    @Column(name = "client_secret_sealed", length = 4000)
    @Nullable String clientSecretSealed;

    @Enumerated(EnumType.STRING)
    @Column(name = "revoke_mode", nullable = false, length = 30)
    RevokeMode revokeMode = RevokeMode.DEACTIVATE_USER;

    @Column(name = "saved_by")
    @Nullable Long savedBy;

    @Column(name = "saved_at", nullable = false)
    Instant savedAt = Instant.EPOCH;

    /** Returns a copy with the same settings, for publishing or for starting a new draft. */
    ApplicationSettings copy() {
        ApplicationSettings copy = new ApplicationSettings();
        copy.applicationId = applicationId;
        copy.name = name;
        copy.description = description;
        copy.ownerId = ownerId;
        copy.fulfillmentEnabled = fulfillmentEnabled;
        copy.approverType = approverType;
        copy.baseUri = baseUri;
        copy.apiKeySealed = apiKeySealed;
        copy.groupsObjectId = groupsObjectId;
        copy.oauthEnabled = oauthEnabled;
        copy.tokenUrl = tokenUrl;
        copy.clientId = clientId;
        copy.clientSecretSealed = clientSecretSealed;
        copy.revokeMode = revokeMode;
        copy.savedBy = savedBy;
        copy.savedAt = savedAt;
        return copy;
    }

    /** Tells whether both hold the same settings; who saved them and when do not count. */
    boolean sameSettingsAs(ApplicationSettings other) {
        return name.equals(other.name) && description.equals(other.description)
                && Objects.equals(ownerId, other.ownerId) && fulfillmentEnabled == other.fulfillmentEnabled
                && approverType == other.approverType && Objects.equals(baseUri, other.baseUri)
                && Objects.equals(apiKeySealed, other.apiKeySealed) && Objects.equals(groupsObjectId, other.groupsObjectId)
                && oauthEnabled == other.oauthEnabled && Objects.equals(tokenUrl, other.tokenUrl)
                && Objects.equals(clientId, other.clientId) && Objects.equals(clientSecretSealed, other.clientSecretSealed)
                && revokeMode == other.revokeMode;
    }

    @Nullable SealedSecret apiKey() {
        return apiKeySealed == null ? null : new SealedSecret(apiKeySealed);
    }

    @Nullable SealedSecret clientSecret() {
        return clientSecretSealed == null ? null : new SealedSecret(clientSecretSealed);
    }
}
