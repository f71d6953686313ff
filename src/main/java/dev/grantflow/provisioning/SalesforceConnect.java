package dev.grantflow.provisioning;

import dev.grantflow.catalog.CatalogTemplate;
import dev.grantflow.catalog.ConnectionSettings;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.SignedInPerson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Paths, registration ids and preconditions of "Connect to Salesforce", the OAuth 2.0 authorization code
 * flow that gets a refresh token for an application's draft.
 */
public final class SalesforceConnect {

    /** Path below which Spring Security starts the flow, followed by the registration id. */
    public static final String AUTHORIZATION_PATH = "/admin/connect/start";
    /** Path below which the authorization server returns the admin to Grantflow. */
    public static final String CALLBACK_PATH = "/admin/connect/callback";

    private static final String REGISTRATION_PREFIX = "app-";
    private static final String TOKEN_SUFFIX = "/services/oauth2/token";
    private static final String AUTHORIZE_SUFFIX = "/services/oauth2/authorize";

    private SalesforceConnect() {
    }

    /** Returns the client registration id of an application, such as {@code app-42}. */
    public static String registrationId(long applicationId) {
        return REGISTRATION_PREFIX + applicationId;
    }

    /** Returns the application id in a registration id, or empty when it is not one of Grantflow's. */
    public static OptionalLong applicationId(String registrationId) {
        if (!registrationId.startsWith(REGISTRATION_PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(registrationId.substring(REGISTRATION_PREFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Returns the address that starts the flow, relative to the context root, for links in views. */
    public static String startPath(long applicationId) {
        return AUTHORIZATION_PATH.substring(1) + "/" + registrationId(applicationId);
    }

    /**
     * Returns the redirect URI for the connected app's callback URL. It is expanded from the request as Spring
     * Security expands {@code {baseUrl}}, so both agree when the admin uses the same address.
     */
    public static String redirectUri(HttpServletRequest request, long applicationId) {
        String baseUrl = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
                .replacePath(request.getContextPath())
                .replaceQuery(null)
                .fragment(null)
                .build()
                .toUriString();
        return baseUrl + CALLBACK_PATH + "/" + registrationId(applicationId);
    }

    /** Returns why the draft settings cannot start the flow, or null when they can. */
    public static @Nullable String problem(ConnectionSettings settings) {
        if (settings.template() != CatalogTemplate.SALESFORCE) {
            return "Connecting works for Salesforce applications only. Enter the API key of other SCIM services"
                    + " in the application's settings.";
        }
        if (!settings.oauthEnabled()) {
            return "Turn on OAuth 2.0 in the application's settings and save, then connect.";
        }
        if (settings.tokenUrl() == null || !stripSlash(settings.tokenUrl()).endsWith(TOKEN_SUFFIX)) {
            return "Enter the token URL, such as https://<instance>.my.salesforce.com" + TOKEN_SUFFIX + ", and save, then connect.";
        }
        if (settings.clientId() == null || settings.clientSecret() == null) {
            return "Enter the client ID and client secret of the connected app and save, then connect.";
        }
        return null;
    }

    /**
     * Returns the authorization endpoint that belongs to a Salesforce token URL. Salesforce publishes no
     * discovery document per connected app, so the endpoint is derived: it sits next to the token endpoint,
     * which also works for the sandbox's prefixed paths.
     */
    static String authorizationUri(String tokenUrl) {
        String base = stripSlash(tokenUrl);
        return base.substring(0, base.length() - TOKEN_SUFFIX.length()) + AUTHORIZE_SUFFIX;
    }

    /** Returns the signed-in person when they are an admin. */
    static Optional<SignedInPerson> signedInAdmin() {
        return CurrentUser.find().filter(SignedInPerson::admin);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
