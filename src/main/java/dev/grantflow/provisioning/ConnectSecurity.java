package dev.grantflow.provisioning;

import dev.grantflow.catalog.CatalogService;
import dev.grantflow.security.HttpSecurityContributor;
import dev.grantflow.security.Roles;
import dev.grantflow.security.SecretCipher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;

/**
 * Adds "Connect to Salesforce" to the web security chain: Spring Security's OAuth 2.0 client with the
 * draft-based registrations, under {@code /admin/connect/**} and for admins only. Its parts are not beans,
 * so OpenID Connect sign-in, which uses the standard beans of the same types, is not affected.
 */
@Component
class ConnectSecurity implements HttpSecurityContributor {

    private final CatalogService catalog;
    private final SecretCipher cipher;
    private final ProvisioningProperties properties;
    private final ConnectOutcomes outcomes;
    private final ObjectProvider<ClientRegistrationRepository> signInRegistrations;

    ConnectSecurity(CatalogService catalog, SecretCipher cipher, ProvisioningProperties properties, ConnectOutcomes outcomes,
                    ObjectProvider<ClientRegistrationRepository> signInRegistrations) {
        this.catalog = catalog;
        this.cipher = cipher;
        this.properties = properties;
        this.outcomes = outcomes;
        this.signInRegistrations = signInRegistrations;
    }

    @Override
    public void contribute(HttpSecurity http) throws Exception {
        DraftClientRegistrations registrations = new DraftClientRegistrations(catalog, cipher);
        // The OAuth 2.0 client shares its repositories with OpenID Connect sign-in through HttpSecurity, so both
        // repositories serve the "app-" registrations of connections and hand every other id to sign-in's own.
        ClientRegistrationRepository signIn = signInRegistrations.getIfAvailable();
        ClientRegistrationRepository combined = registrationId -> SalesforceConnect.applicationId(registrationId).isPresent()
                ? registrations.findByRegistrationId(registrationId)
                : signIn == null ? null : signIn.findByRegistrationId(registrationId);
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/connect/**").hasRole(Roles.ADMIN));
        http.oauth2Client(client -> client
                .clientRegistrationRepository(combined)
                .authorizedClientRepository(new SplitAuthorizedClients(new ConnectedClientRepository(catalog, outcomes)))
                .authorizationCodeGrant(grant -> grant
                        .authorizationRequestResolver(new ConnectAuthorizationRequestResolver(registrations))
                        .accessTokenResponseClient(new ConnectTokenResponseClient(properties))));
    }

    /** Keeps connections' clients in {@link ConnectedClientRepository} and sign-in's clients in the session. */
    private static final class SplitAuthorizedClients implements OAuth2AuthorizedClientRepository {

        private final OAuth2AuthorizedClientRepository connections;
        private final OAuth2AuthorizedClientRepository session = new HttpSessionOAuth2AuthorizedClientRepository();

        SplitAuthorizedClients(OAuth2AuthorizedClientRepository connections) {
            this.connections = connections;
        }

        private OAuth2AuthorizedClientRepository of(String registrationId) {
            return SalesforceConnect.applicationId(registrationId).isPresent() ? connections : session;
        }

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String registrationId,
                @Nullable Authentication principal, HttpServletRequest request) {
            return of(registrationId).loadAuthorizedClient(registrationId, principal, request);
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, @Nullable Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
            of(client.getClientRegistration().getRegistrationId()).saveAuthorizedClient(client, principal, request, response);
        }

        @Override
        public void removeAuthorizedClient(String registrationId, @Nullable Authentication principal,
                                           HttpServletRequest request, HttpServletResponse response) {
            of(registrationId).removeAuthorizedClient(registrationId, principal, request, response);
        }
    }
}
