package dev.grantflow.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Adds a feature's own rules and filters to the web security chain, so the security package needs no
 * dependency on that feature. Contributions run before Vaadin's catch-all rule.
 */
public interface HttpSecurityContributor {

    void contribute(HttpSecurity http) throws Exception;
}
