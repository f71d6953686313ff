package dev.grantflow.provisioning;

import dev.grantflow.catalog.ApplicationNotFoundException;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.ConnectionSettings;
import dev.grantflow.security.SecretCipher;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Builds the OAuth 2.0 client registration {@code app-<id>} of a Salesforce application from its draft
 * settings, so an admin can connect before publishing. Only signed-in admins get registrations, and
 * incomplete drafts get none.
 */
class DraftClientRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(DraftClientRegistrations.class);

    private final CatalogService catalog;
    private final SecretCipher cipher;

    DraftClientRegistrations(CatalogService catalog, SecretCipher cipher) {
        this.catalog = catalog;
        this.cipher = cipher;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        OptionalLong applicationId = SalesforceConnect.applicationId(registrationId);
        if (applicationId.isEmpty() || SalesforceConnect.signedInAdmin().isEmpty()) {
            return null;
        }
        ConnectionSettings settings;
        try {
            settings = catalog.draftConnection(applicationId.getAsLong());
        } catch (ApplicationNotFoundException e) {
            return null;
        }
        if (SalesforceConnect.problem(settings) != null) {
            return null;
        }
        try {
            return registration(registrationId, settings);
        } catch (IllegalStateException e) {
            log.warn("Opening the client secret for a connection failed, applicationId={}", applicationId.getAsLong(), e);
            return null;
        }
    }

    private ClientRegistration registration(String registrationId, ConnectionSettings settings) {
        String tokenUrl = Objects.requireNonNull(settings.tokenUrl());
        return ClientRegistration.withRegistrationId(registrationId)
                .clientName(settings.name())
                .clientId(Objects.requireNonNull(settings.clientId()))
                .clientSecret(cipher.open(Objects.requireNonNull(settings.clientSecret())))
                // Salesforce documents client_id and client_secret as form parameters of the token request.
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}" + SalesforceConnect.CALLBACK_PATH + "/{registrationId}")
                // Salesforce issues a refresh token only when the refresh_token scope is requested, a scope that
                // RFC 6749 does not define; "api" allows the SCIM calls.
                .scope("api", "refresh_token")
                .authorizationUri(SalesforceConnect.authorizationUri(tokenUrl))
                .tokenUri(tokenUrl)
                .build();
    }
}
