package dev.grantflow.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.grantflow.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security: Vaadin's view access control with a form login, and the sandbox's API left to its
 * own bearer-token checks.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /** Paths of the Salesforce-compatible sandbox, which authenticates callers with its own tokens. */
    private static final String SANDBOX_PATHS = "/sandbox/**";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(SANDBOX_PATHS).permitAll()
                .requestMatchers("/actuator/health").permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers(SANDBOX_PATHS));
        // Signed-in people reach Vaadin for any other path, so an unknown address shows the not-found page
        // instead of an empty 403; view annotations still decide which pages each role may open.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizedUrl::authenticated)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
