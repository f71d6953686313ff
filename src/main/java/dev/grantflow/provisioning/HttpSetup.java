package dev.grantflow.provisioning;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Builds the JDK HTTP client and the Spring request factory that SCIM and token calls share.
 */
final class HttpSetup {

    private HttpSetup() {
    }

    static HttpClient httpClient(ProvisioningProperties properties) {
        // HTTP/1.1 avoids the h2c upgrade attempt on plain-HTTP endpoints. Salesforce serves SCIM over HTTPS,
        // where HTTP/1.1 is fully supported.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static JdkClientHttpRequestFactory requestFactory(HttpClient httpClient, ProvisioningProperties properties) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }
}
