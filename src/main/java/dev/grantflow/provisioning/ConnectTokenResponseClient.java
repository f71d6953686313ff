package dev.grantflow.provisioning;

import jakarta.annotation.PreDestroy;
import java.net.http.HttpClient;
import java.util.Objects;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Exchanges the authorization code of "Connect to Salesforce" for tokens, with the same timeouts and size
 * limit as every other call to an application. Before the exchange it checks that the signed-in admin is
 * the one who started the flow, and afterwards it keeps Salesforce's identity URL in a request attribute,
 * where {@link ConnectedClientRepository} reads it.
 */
class ConnectTokenResponseClient implements OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> {

    /** Request attribute with the {@code id} parameter of the token response, if it had one. */
    static final String IDENTITY_ATTRIBUTE = ConnectTokenResponseClient.class.getName() + ".identity";

    private final HttpClient httpClient;
    private final RestClientAuthorizationCodeTokenResponseClient delegate = new RestClientAuthorizationCodeTokenResponseClient();

    ConnectTokenResponseClient(ProvisioningProperties properties) {
        this.httpClient = HttpSetup.httpClient(properties);
        var tokenConverter = new OAuth2AccessTokenResponseHttpMessageConverter();
        tokenConverter.setAccessTokenResponseConverter(new ExpiryAwareTokenResponseConverter());
        delegate.setRestClient(RestClient.builder()
                .requestFactory(HttpSetup.requestFactory(httpClient, properties))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(tokenConverter);
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .requestInterceptor(new ResponseSizeLimit(properties.maxResponseSize()))
                .build());
    }

    @Override
    public OAuth2AccessTokenResponse getTokenResponse(OAuth2AuthorizationCodeGrantRequest grantRequest) {
        requireStarter(grantRequest);
        OAuth2AccessTokenResponse response = delegate.getTokenResponse(grantRequest);
        // Salesforce adds the URL of the connected user's identity as "id", which RFC 6749 does not define.
        Object identity = response.getAdditionalParameters().get("id");
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (identity instanceof String url && request != null) {
            request.setAttribute(IDENTITY_ATTRIBUTE, url, RequestAttributes.SCOPE_REQUEST);
        }
        return response;
    }

    @PreDestroy
    void close() {
        httpClient.shutdown();
    }

    /** Rejects the exchange unless the signed-in admin started the flow in this session. */
    private static void requireStarter(OAuth2AuthorizationCodeGrantRequest grantRequest) {
        Object startedBy = grantRequest.getAuthorizationExchange().getAuthorizationRequest()
                .getAttribute(ConnectAuthorizationRequestResolver.STARTED_BY);
        boolean sameAdmin = SalesforceConnect.signedInAdmin()
                .filter(admin -> Objects.equals(startedBy, admin.personId()))
                .isPresent();
        if (!sameAdmin) {
            throw new OAuth2AuthorizationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED,
                    "Only the admin who started connecting can finish it.", null));
        }
    }
}
