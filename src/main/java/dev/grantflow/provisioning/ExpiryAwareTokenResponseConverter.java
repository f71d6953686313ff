package dev.grantflow.provisioning;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Converts token endpoint parameters with Spring Security's default converter and records whether the
 * response had {@code expires_in}.
 *
 * <p>Salesforce differs from RFC 6749 here. Its refresh responses carry no {@code expires_in}, so the expiry
 * is unknown. Spring Security 7.0.6 then sets the expiry to one second after issue, which would make every
 * token look expired at once. The marker parameter lets {@link #knownExpiry} report
 * the expiry as unknown instead. Salesforce's {@code instance_url}, {@code id}, {@code issued_at} and
 * {@code signature} arrive as additional parameters, and Grantflow does not use them.
 */
final class ExpiryAwareTokenResponseConverter implements Converter<Map<String, Object>, OAuth2AccessTokenResponse> {

    /** Name of the additional parameter that records whether {@code expires_in} was present. */
    static final String EXPIRES_IN_PRESENT = "grantflow_expires_in_present";

    private final DefaultMapOAuth2AccessTokenResponseConverter delegate =
            new DefaultMapOAuth2AccessTokenResponseConverter();

    @Override
    public OAuth2AccessTokenResponse convert(Map<String, Object> parameters) {
        OAuth2AccessTokenResponse response = delegate.convert(parameters);
        Map<String, Object> additional = new HashMap<>(response.getAdditionalParameters());
        additional.put(EXPIRES_IN_PRESENT, parameters.containsKey(OAuth2ParameterNames.EXPIRES_IN));
        return OAuth2AccessTokenResponse.withResponse(response).additionalParameters(additional).build();
    }

    /** Returns the expiry of the access token, or {@code null} when the response had no {@code expires_in}. */
    static @Nullable Instant knownExpiry(OAuth2AccessTokenResponse response) {
        boolean present = Boolean.TRUE.equals(response.getAdditionalParameters().get(EXPIRES_IN_PRESENT));
        return present ? response.getAccessToken().getExpiresAt() : null;
    }
}
