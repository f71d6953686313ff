package dev.grantflow.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings. Providers themselves are configured as Spring Boot OAuth 2.0 client registrations
 * ({@code spring.security.oauth2.client.registration.<id>.*}).
 *
 * @param localLogin whether people may sign in with a local email and password (the demo's accounts)
 * @param oidc how people sign in through an OpenID Connect provider
 * @param contentSecurityPolicy the Content-Security-Policy header; the default allows what Vaadin needs
 */
@ConfigurationProperties("grantflow.security")
public record SecurityProperties(boolean localLogin, Oidc oidc, String contentSecurityPolicy) {

    /** Vaadin Flow runs inline scripts and styles and talks over same-origin XHR and WebSocket (push). */
    static final String DEFAULT_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; frame-ancestors 'none'";

    public SecurityProperties {
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null, null) : oidc;
        contentSecurityPolicy = contentSecurityPolicy == null || contentSecurityPolicy.isBlank() ? DEFAULT_CSP : contentSecurityPolicy;
    }

    /**
     * Claim mapping of OpenID Connect sign-in.
     *
     * @param registrationId the client registration to sign in with; OIDC sign-in is off when unset
     * @param providerName the provider's name on the sign-in button, such as "Keycloak"
     * @param emailClaim claim with the person's email, which matches the directory (default "email")
     * @param nameClaim claim with the display name (default "name")
     * @param groupsClaim claim with the person's groups (default "groups")
     * @param managerClaim claim with the manager's email; managers come only from the directory when unset
     * @param adminGroup group whose members get the ADMIN role; when unset, the directory decides who is an admin
     * @param autoCreate whether the first sign-in of a person unknown to the directory adds them as a requester (default true)
     */
    public record Oidc(@Nullable String registrationId, @Nullable String providerName, @Nullable String emailClaim,
                       @Nullable String nameClaim, @Nullable String groupsClaim, @Nullable String managerClaim,
                       @Nullable String adminGroup, @Nullable Boolean autoCreate) {

        public Oidc {
            emailClaim = emailClaim == null ? "email" : emailClaim;
            nameClaim = nameClaim == null ? "name" : nameClaim;
            groupsClaim = groupsClaim == null ? "groups" : groupsClaim;
            autoCreate = autoCreate == null || autoCreate;
            providerName = providerName == null ? "your identity provider" : providerName;
        }

        public boolean enabled() {
            return registrationId != null && !registrationId.isBlank();
        }
    }
}
