package dev.grantflow.provisioning;

import dev.grantflow.catalog.CatalogTemplate;
import dev.grantflow.catalog.ConnectionSettings;
import dev.grantflow.security.SealedSecret;
import dev.grantflow.security.SecretCipher;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the SCIM target of an application from its connection settings and opens the sealed secrets.
 * A missing or invalid setting fails as a permanent {@link ProvisioningException} whose message names the
 * setting and ends with the caller's next step.
 */
@Component
class ScimTargets {

    /** Next step for settings that provisioning read from the published version. */
    static final String PUBLISH_THEN_RETRY = ", publish, then retry.";
    /** Next step for settings that the connection test read from the draft. */
    static final String SAVE_THEN_TEST = ", save, then test again.";

    private final SecretCipher cipher;

    ScimTargets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    ScimTarget build(ConnectionSettings settings, String nextStep) {
        String baseUri = require(settings.baseUri(), "Base URI", settings, nextStep);
        String groupsObjectId = require(settings.groupsObjectId(), "Groups Object ID", settings, nextStep);
        Credentials credentials;
        if (settings.oauthEnabled()) {
            URI tokenUri = uri(require(settings.tokenUrl(), "token URL", settings, nextStep), settings, nextStep);
            credentials = new Credentials.OAuthRefresh(tokenUri, require(settings.clientId(), "client ID", settings, nextStep),
                    open(settings.clientSecret(), "client secret", settings, nextStep));
        } else {
            credentials = new Credentials.StaticBearer(open(settings.apiKey(), "API key", settings, nextStep));
        }
        TargetKind kind = settings.template() == CatalogTemplate.SALESFORCE ? TargetKind.SALESFORCE : TargetKind.GENERIC_SCIM;
        return new ScimTarget(String.valueOf(settings.applicationId()), kind, uri(baseUri, settings, nextStep),
                groupsObjectId, credentials);
    }

    /** Opens the API key, which is the refresh token when OAuth 2.0 is on. */
    String apiKey(ConnectionSettings settings, String nextStep) {
        return open(settings.apiKey(), "API key", settings, nextStep);
    }

    private String open(@Nullable SealedSecret secret, String field, ConnectionSettings settings, String nextStep) {
        if (secret == null) {
            throw missing(field, settings, nextStep);
        }
        return cipher.open(secret);
    }

    private static String require(@Nullable String value, String field, ConnectionSettings settings, String nextStep) {
        if (value == null || value.isBlank()) {
            throw missing(field, settings, nextStep);
        }
        return value;
    }

    private static ProvisioningException missing(String field, ConnectionSettings settings, String nextStep) {
        return new ProvisioningException(ProvisioningException.Kind.PERMANENT, "The " + field + " of " + settings.name()
                + " is missing. Enter it under Admin > Applications" + nextStep);
    }

    private static URI uri(String value, ConnectionSettings settings, String nextStep) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new ProvisioningException(ProvisioningException.Kind.PERMANENT, "\"" + value + "\" in the settings of "
                    + settings.name() + " is not a valid URL. Correct it under Admin > Applications" + nextStep);
        }
    }
}
