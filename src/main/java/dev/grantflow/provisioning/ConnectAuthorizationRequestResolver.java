package dev.grantflow.provisioning;

import dev.grantflow.security.SignedInPerson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Starts "Connect to Salesforce" for signed-in admins only, with PKCE, and records who started it.
 *
 * <p>Spring Security resolves authorization requests before it checks access rules, so this resolver
 * declines everyone else: the request then continues to the access rules, which send a visitor to the
 * sign-in page and deny other people. It also declines drafts that cannot connect, and the request then
 * reaches {@link ConnectController}, which records the reason for the admin.
 */
class ConnectAuthorizationRequestResolver implements OAuth2AuthorizationRequestResolver {

    /** Authorization request attribute with the person id of the admin who started the flow. */
    static final String STARTED_BY = "grantflow.startedBy";

    private static final Logger log = LoggerFactory.getLogger(ConnectAuthorizationRequestResolver.class);

    private final DefaultOAuth2AuthorizationRequestResolver delegate;

    ConnectAuthorizationRequestResolver(DraftClientRegistrations registrations) {
        delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations, SalesforceConnect.AUTHORIZATION_PATH);
        delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return withStarter(() -> delegate.resolve(request));
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return withStarter(() -> delegate.resolve(request, clientRegistrationId));
    }

    private @Nullable OAuth2AuthorizationRequest withStarter(Supplier<@Nullable OAuth2AuthorizationRequest> resolve) {
        Optional<SignedInPerson> admin = SalesforceConnect.signedInAdmin();
        if (admin.isEmpty()) {
            return null;
        }
        OAuth2AuthorizationRequest resolved;
        try {
            resolved = resolve.get();
        } catch (IllegalArgumentException e) {
            // The draft has no usable registration, so ConnectController records what is missing.
            return null;
        }
        if (resolved == null) {
            return null;
        }
        log.info("Started connecting an application, registrationId={} actorId={}",
                resolved.getAttributes().get(OAuth2ParameterNames.REGISTRATION_ID), admin.get().personId());
        return OAuth2AuthorizationRequest.from(resolved)
                .attributes(attributes -> attributes.put(STARTED_BY, admin.get().personId()))
                .build();
    }
}
