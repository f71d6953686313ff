package dev.grantflow.provisioning;

import dev.grantflow.catalog.CatalogService;
import dev.grantflow.security.SignedInPerson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Receives the tokens of a finished "Connect to Salesforce" flow and stores the refresh token as the API key
 * of the application's draft. Grantflow keeps no authorized clients otherwise: provisioning gets its access
 * tokens from the published API key, so loading always returns null.
 */
class ConnectedClientRepository implements OAuth2AuthorizedClientRepository {

    private static final Logger log = LoggerFactory.getLogger(ConnectedClientRepository.class);

    private final CatalogService catalog;
    private final ConnectOutcomes outcomes;

    ConnectedClientRepository(CatalogService catalog, ConnectOutcomes outcomes) {
        this.catalog = catalog;
        this.outcomes = outcomes;
    }

    @Override
    public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
                                                                            Authentication principal,
                                                                            HttpServletRequest request) {
        return null;
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                     HttpServletRequest request, HttpServletResponse response) {
        String registrationId = client.getClientRegistration().getRegistrationId();
        long applicationId = SalesforceConnect.applicationId(registrationId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown client registration " + registrationId));
        SignedInPerson admin = SalesforceConnect.signedInAdmin()
                .orElseThrow(() -> new AccessDeniedException("Only admins can connect applications."));
        // Spring Security would otherwise send the admin to a request saved before sign-in, which can be the
        // start of this flow, instead of to the callback.
        new HttpSessionRequestCache().removeRequest(request, response);
        OAuth2RefreshToken refreshToken = client.getRefreshToken();
        if (refreshToken == null) {
            outcomes.put(admin.personId(), applicationId, ConnectOutcome.failed("Salesforce sent no refresh token."
                    + " Add the scope \"Perform requests at any time (refresh_token, offline_access)\" to the connected app,"
                    + " then connect again."));
            log.warn("Connecting an application returned no refresh token, applicationId={} actorId={}",
                    applicationId, admin.personId());
            return;
        }
        catalog.setApiKey(applicationId, refreshToken.getTokenValue(), admin.personId());
        String identity = connectedIdentity(request);
        outcomes.put(admin.personId(), applicationId, new ConnectOutcome(true, "Connected as " + identity
                + ". The new refresh token is stored in the draft; publish to make it live."));
        log.info("Connected an application, applicationId={} actorId={}", applicationId, admin.personId());
    }

    @Override
    public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
                                       HttpServletRequest request, HttpServletResponse response) {
        // Nothing is kept, so there is nothing to remove.
    }

    /** Describes the Salesforce user from the identity URL, which ends in {@code /id/<org id>/<user id>}. */
    private static String connectedIdentity(HttpServletRequest request) {
        if (!(request.getAttribute(ConnectTokenResponseClient.IDENTITY_ATTRIBUTE) instanceof String url)) {
            return "the user who allowed access";
        }
        String[] segments = url.split("/");
        if (segments.length < 3 || !"id".equals(segments[segments.length - 3])) {
            return "the user who allowed access";
        }
        return "user " + segments[segments.length - 1] + " of org " + segments[segments.length - 2];
    }
}
