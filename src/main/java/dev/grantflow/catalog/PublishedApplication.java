package dev.grantflow.catalog;

import dev.grantflow.security.SealedSecret;
import org.jspecify.annotations.Nullable;

/**
 * The live settings of an application, as approval and provisioning use them. Secrets stay sealed
 * until the provisioning code opens them.
 */
public record PublishedApplication(long id, int version, String name, CatalogTemplate template,
                                   ApproverType approverType, @Nullable Long ownerId, boolean fulfillmentEnabled,
                                   @Nullable String baseUri, @Nullable SealedSecret apiKey,
                                   @Nullable String groupsObjectId, boolean oauthEnabled, @Nullable String tokenUrl,
                                   @Nullable String clientId, @Nullable SealedSecret clientSecret,
                                   RevokeMode revokeMode) {

    /** Returns the live settings that reach the SCIM endpoint. */
    public ConnectionSettings connection() {
        return new ConnectionSettings(id, name, template, baseUri, apiKey, groupsObjectId, oauthEnabled, tokenUrl,
                clientId, clientSecret);
    }
}
