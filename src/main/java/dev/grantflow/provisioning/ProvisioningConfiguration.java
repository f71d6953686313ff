package dev.grantflow.provisioning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the provisioning beans. The application must provide a persistent {@link TokenStore} bean.
 */
@Configuration(proxyBeanMethods = false)
public class ProvisioningConfiguration {

    @Bean
    AccessTokenProvider accessTokenProvider(TokenStore tokenStore, ProvisioningProperties properties) {
        return new AccessTokenProvider(tokenStore, properties);
    }

    @Bean
    ScimClient scimClient(ProvisioningProperties properties, AccessTokenProvider accessTokenProvider) {
        return new ScimClient(properties, accessTokenProvider);
    }

    @Bean
    ScimProvisioner scimProvisioner(ScimClient scimClient) {
        return new ScimProvisioner(scimClient);
    }
}
