package dev.grantflow.catalog;

import dev.grantflow.security.SealedSecret;
import org.jspecify.annotations.Nullable;

/**
 * The settings that decide how Grantflow reaches an application's SCIM endpoint, taken from its draft or
 * from its published version. Secrets stay sealed until the provisioning code opens them.
 */
public record ConnectionSettings(long applicationId, String name, CatalogTemplate template,
                                 @Nullable String baseUri, @Nullable SealedSecret apiKey,
                                 @Nullable String groupsObjectId, boolean oauthEnabled, @Nullable String tokenUrl,
                                 @Nullable String clientId, @Nullable SealedSecret clientSecret) {
}
