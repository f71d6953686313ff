package dev.grantflow.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.grantflow.security.ui.LoginView;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Web security: Vaadin's view access control, sign-in with local accounts and/or an OpenID Connect
 * provider, security headers, the rules other features contribute (such as connecting applications),
 * and the sandbox's API left to its own bearer-token checks.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /** Paths of the Salesforce-compatible sandbox, which authenticates callers with its own tokens. */
    private static final String SANDBOX_PATHS = "/sandbox/**";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
                                            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUsers,
                                            ObjectProvider<ClientRegistrationRepository> registrations,
                                            List<HttpSecurityContributor> contributors) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(SANDBOX_PATHS).permitAll()
                .requestMatchers("/actuator/health").permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers(SANDBOX_PATHS));
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> frames.deny()));
        for (HttpSecurityContributor contributor : contributors) {
            contributor.contribute(http);
        }
        boolean oidc = properties.oidc().enabled();
        if (oidc) {
            http.oauth2Login(login -> login
                    .loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers.getObject()))
                    .failureHandler(oidcFailure()));
        }
        // Signed-in people reach Vaadin for any other path, so an unknown address shows the not-found page
        // instead of an empty 403; view annotations still decide which pages each role may open.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class).anyRequest(AuthorizedUrl::authenticated);
            if (oidc) {
                OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations.getObject());
                logout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
                vaadin.logoutSuccessHandler(logout);
            }
        }).build();
    }

    /** Sends a refused OpenID Connect sign-in back to the sign-in page with the reason's code. */
    private static AuthenticationFailureHandler oidcFailure() {
        return (request, response, exception) -> {
            String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "sign_in_failed";
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + "/login?oidc-error=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
