package dev.grantflow.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.grantflow.provisioning.Credentials.OAuthRefresh;
import dev.grantflow.provisioning.Credentials.StaticBearer;
import dev.grantflow.provisioning.ProvisioningException.Kind;

/**
 * Supplies bearer tokens for SCIM calls and refreshes OAuth 2.0 access tokens with Spring Security's
 * refresh token grant client. At most one refresh per app runs at a time. Threads that waited for it reuse
 * the new token, and a rotated refresh token is stored before the lock is released.
 *
 * <p>NOTE: the lock is local to this JVM. Several Grantflow instances that share one token store can still
 * refresh concurrently, and with rotation the slower one then fails with invalid_grant. Running them needs a
 * lock in the token store.
 */
public class AccessTokenProvider implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenProvider.class);

    // A token with known expiry is refreshed this long before it expires, so it does not expire in flight.
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final TokenStore tokenStore;
    private final ProvisioningProperties properties;
    private final Clock clock;
    private final HttpClient httpClient;
    private final RestClientRefreshTokenTokenResponseClient tokenClient =
            new RestClientRefreshTokenTokenResponseClient();
    private final ConcurrentMap<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();
    // Status of the last token endpoint response on this thread. An interceptor records it because Spring
    // Security's token client does not expose the status of a failed refresh.
    private final ThreadLocal<Integer> lastTokenStatus = ThreadLocal.withInitial(() -> 0);

    public AccessTokenProvider(TokenStore tokenStore, ProvisioningProperties properties) {
        this(tokenStore, properties, Clock.systemUTC());
    }

    public AccessTokenProvider(TokenStore tokenStore, ProvisioningProperties properties, Clock clock) {
        this.tokenStore = tokenStore;
        this.properties = properties;
        this.clock = clock;
        this.httpClient = HttpSetup.httpClient(properties);
        this.tokenClient.setRestClient(tokenRestClient());
    }

    /**
     * Returns the bearer token for the next call. That is the API key, or the cached access token, which is
     * refreshed first when it is missing or known to expire within 30 seconds.
     */
    public String accessToken(ScimTarget target) {
        return accessToken(target, CallListener.NONE);
    }

    /** Returns the same as {@link #accessToken(ScimTarget)} and reports any token endpoint call to {@code listener}. */
    public String accessToken(ScimTarget target, CallListener listener) {
        return switch (target.credentials()) {
            case StaticBearer bearer -> bearer.apiKey();
            case OAuthRefresh oauth -> {
                Optional<String> cached = usableToken(target.appKey());
                yield cached.isPresent() ? cached.get()
                        : underLock(target, () -> usableToken(target.appKey())
                                .orElseGet(() -> refresh(target, oauth, listener)));
            }
        };
    }

    /**
     * Returns a token to retry a call whose token the app rejected with 401. Refreshes only if the cached token
     * is still {@code rejectedToken}. Otherwise another thread has refreshed already, and its token is returned.
     *
     * @throws ProvisioningException of kind AUTHORIZATION for an API key, which cannot be refreshed
     */
    public String refreshAfterRejection(ScimTarget target, String rejectedToken) {
        return refreshAfterRejection(target, rejectedToken, CallListener.NONE);
    }

    /** Does the same as {@link #refreshAfterRejection(ScimTarget, String)} and reports to {@code listener}. */
    public String refreshAfterRejection(ScimTarget target, String rejectedToken, CallListener listener) {
        return switch (target.credentials()) {
            case StaticBearer bearer -> throw new ProvisioningException(Kind.AUTHORIZATION, "The API key of app "
                    + target.appKey() + " was rejected with HTTP 401. Enter a valid API key in the app's settings.",
                    401, null, null, null);
            case OAuthRefresh oauth -> underLock(target, () -> usableToken(target.appKey())
                    .filter(current -> !current.equals(rejectedToken))
                    .orElseGet(() -> refresh(target, oauth, listener)));
        };
    }

    @Override
    public void close() {
        httpClient.shutdown();
    }

    private Optional<String> usableToken(String appKey) {
        Instant threshold = clock.instant().plus(EXPIRY_MARGIN);
        return tokenStore.accessToken(appKey)
                .filter(token -> !token.isExpiredAt(threshold))
                .map(CachedAccessToken::value);
    }

    private String underLock(ScimTarget target, Supplier<String> action) {
        ReentrantLock lock = refreshLocks.computeIfAbsent(target.appKey(), key -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private String refresh(ScimTarget target, OAuthRefresh oauth, CallListener listener) {
        String refreshToken = tokenStore.refreshToken(target.appKey());
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        lastTokenStatus.set(0);
        OAuth2AccessTokenResponse response;
        int status;
        try {
            response = tokenClient.getTokenResponse(grantRequest(target, oauth, refreshToken));
            status = lastTokenStatus.get();
        } catch (OAuth2AuthorizationException | HttpMessageConversionException | RestClientException e) {
            ProvisioningException failure = ScimErrors.fromTokenEndpoint(target, oauth.tokenUri(), oauth.clientId(),
                    asOAuthFailure(e), lastTokenStatus.get(), properties);
            report(listener, oauth.tokenUri(), startedAt, started, failure.httpStatus(), failure.errorCode(),
                    failure.getMessage());
            log.warn("Refreshing access token failed appKey={} kind={} errorCode={}", target.appKey(),
                    failure.kind(), failure.errorCode(), failure);
            throw failure;
        } finally {
            lastTokenStatus.remove();
        }
        String rotated = rotatedRefreshToken(response, refreshToken);
        CachedAccessToken token = new CachedAccessToken(response.getAccessToken().getTokenValue(),
                ExpiryAwareTokenResponseConverter.knownExpiry(response));
        tokenStore.saveRefreshResult(target.appKey(), token, rotated);
        report(listener, oauth.tokenUri(), startedAt, started, status, null, rotated == null
                ? "Refreshed the access token." : "Refreshed the access token and stored the rotated refresh token.");
        log.info("Refreshed access token appKey={} refreshTokenRotated={} expiresAt={}", target.appKey(),
                rotated != null, token.expiresAt() == null ? "unknown" : token.expiresAt());
        return token.value();
    }

    private OAuth2RefreshTokenGrantRequest grantRequest(ScimTarget target, OAuthRefresh oauth, String refreshToken) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(target.appKey())
                .clientId(oauth.clientId())
                .clientSecret(oauth.clientSecret())
                // Salesforce documents client_id and client_secret as form parameters of the token request.
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .tokenUri(oauth.tokenUri().toString())
                .build();
        // Spring Security requires the access token being refreshed but sends only the refresh token, so the
        // cached token, or a placeholder when there is none, satisfies the check.
        String previous = tokenStore.accessToken(target.appKey()).map(CachedAccessToken::value).orElse("none");
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, previous, null, null);
        OAuth2RefreshToken refresh = new OAuth2RefreshToken(refreshToken, null);
        return new OAuth2RefreshTokenGrantRequest(registration, accessToken, refresh);
    }

    // Spring Security copies the sent refresh token into the response when the endpoint returns none, so only a
    // different value is a rotation.
    private static @Nullable String rotatedRefreshToken(OAuth2AccessTokenResponse response,
            String sentRefreshToken) {
        OAuth2RefreshToken returned = response.getRefreshToken();
        if (returned == null || returned.getTokenValue().equals(sentRefreshToken)) {
            return null;
        }
        return returned.getTokenValue();
    }

    private static OAuth2AuthorizationException asOAuthFailure(RuntimeException failure) {
        if (failure instanceof OAuth2AuthorizationException oauthFailure) {
            return oauthFailure;
        }
        return new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response"), failure);
    }

    private void report(CallListener listener, URI tokenUri, Instant startedAt, long started, int status,
            @Nullable String errorCode, String message) {
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        listener.onCall(new CallRecord(startedAt, "POST", tokenUri.getPath(), status, duration, errorCode, message));
    }

    private RestClient tokenRestClient() {
        var tokenConverter = new OAuth2AccessTokenResponseHttpMessageConverter();
        tokenConverter.setAccessTokenResponseConverter(new ExpiryAwareTokenResponseConverter());
        ClientHttpRequestInterceptor statusCapture = (request, body, execution) -> {
            var response = execution.execute(request, body);
            lastTokenStatus.set(response.getStatusCode().value());
            return response;
        };
        return RestClient.builder()
                .requestFactory(HttpSetup.requestFactory(httpClient, properties))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new StringHttpMessageConverter());
                    converters.add(tokenConverter);
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .requestInterceptor(new ResponseSizeLimit(properties.maxResponseSize()))
                .requestInterceptor(statusCapture)
                .build();
    }
}
