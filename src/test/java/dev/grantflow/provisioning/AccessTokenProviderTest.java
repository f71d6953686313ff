package dev.grantflow.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.grantflow.provisioning.Credentials.StaticBearer;
import dev.grantflow.provisioning.ProvisioningException.Kind;

class AccessTokenProviderTest extends FakeServerTestSupport {

    private static final int THREADS = 20;

    @Test
    void expiredTokenRefreshesOnceAndRetries() {
        store.putAccessToken(TestTargets.APP, new CachedAccessToken("stale-token", null));

        client.serviceProviderConfig(salesforce, listener);

        assertThat(server.refreshCount).hasValue(1);
        assertThat(server.requests("GET", FakeScimServer.SCIM_PATH)).hasSize(2);
        assertThat(store.accessToken(TestTargets.APP)).get().extracting(CachedAccessToken::value)
                .isNotEqualTo("stale-token");
    }

    @Test
    void missingTokenIsRefreshedBeforeFirstCall() {
        client.serviceProviderConfig(salesforce, listener);

        assertThat(server.refreshCount).hasValue(1);
        assertThat(server.unauthorizedCount).hasValue(0);
    }

    @Test
    void salesforceTokenHasUnknownExpiry() {
        tokens.accessToken(salesforce);

        assertThat(store.accessToken(TestTargets.APP)).get().extracting(CachedAccessToken::expiresAt).isNull();
    }

    @Test
    void tokenWithExpiresInHasKnownExpiry() {
        server.sendExpiresIn(3600);

        tokens.accessToken(salesforce);

        assertThat(store.accessToken(TestTargets.APP)).get().extracting(CachedAccessToken::expiresAt)
                .isNotNull();
    }

    @Test
    void concurrentRejectedCallsRefreshOnce() throws Exception {
        store.putAccessToken(TestTargets.APP, new CachedAccessToken("stale-token", null));
        server.holdRefreshUntilUnauthorized(THREADS);

        List<Object> results = runConcurrently(() -> client.serviceProviderConfig(salesforce, listener));

        assertThat(results).hasSize(THREADS);
        assertThat(server.refreshCount).hasValue(1);
        assertThat(server.unauthorizedCount).hasValue(THREADS);
    }

    @Test
    void concurrentCallsWithKnownExpiredTokenRefreshOnce() throws Exception {
        store.putAccessToken(TestTargets.APP, new CachedAccessToken("expired-token", Instant.now().minusSeconds(60)));

        List<Object> results = runConcurrently(() -> tokens.accessToken(salesforce));

        assertThat(results).hasSize(THREADS);
        assertThat(results).containsOnly(store.accessToken(TestTargets.APP).orElseThrow().value());
        assertThat(server.refreshCount).hasValue(1);
    }

    @Test
    void rotatedRefreshTokenReplacesOldOneForConcurrentCallers() throws Exception {
        server.rotateRefreshTokens(true);
        store.putAccessToken(TestTargets.APP, new CachedAccessToken("stale-token", null));
        server.holdRefreshUntilUnauthorized(THREADS);

        runConcurrently(() -> client.serviceProviderConfig(salesforce, listener));
        server.expireAccessTokens();
        server.holdRefreshUntilUnauthorized(THREADS);
        runConcurrently(() -> client.serviceProviderConfig(salesforce, listener));

        assertThat(server.refreshCount).hasValue(2);
        assertThat(server.retiredRefreshTokenUses).hasValue(0);
        assertThat(store.refreshToken(TestTargets.APP)).isEqualTo(server.currentRefreshToken());
    }

    @Test
    void invalidGrantIsAuthorizationFailure() {
        store.putRefreshToken(TestTargets.APP, "revoked-refresh-token");

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> tokens.accessToken(salesforce, listener));

        assertThat(failure.kind()).isEqualTo(Kind.AUTHORIZATION);
        assertThat(failure.errorCode()).isEqualTo("invalid_grant");
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.getMessage()).contains("Authorize Grantflow for the app again");
        assertThat(failure.getMessage()).doesNotContain("revoked-refresh-token");
    }

    @Test
    void invalidClientIsAuthorizationFailure() {
        ScimTarget wrongClient = new ScimTarget(TestTargets.APP, TargetKind.SALESFORCE, server.scimBase(),
                TestTargets.PROFILE, new Credentials.OAuthRefresh(server.tokenUri(), "unknown-client", "wrong"));

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> tokens.accessToken(wrongClient));

        assertThat(failure.kind()).isEqualTo(Kind.AUTHORIZATION);
        assertThat(failure.errorCode()).isEqualTo("invalid_client_id");
        assertThat(failure.getMessage()).contains("Check client id unknown-client");
    }

    @Test
    void tokenEndpointOutageIsTransient() {
        server.script(ScriptedResponse.html("POST", FakeScimServer.TOKEN_PATH, 503, "<html>Maintenance</html>"));

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> tokens.accessToken(salesforce, listener));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(listener.records).singleElement().extracting(CallRecord::status).isEqualTo(503);
    }

    @Test
    void freshTokenRejectedIsAuthorizationFailure() {
        server.rejectAccessTokens();

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> client.serviceProviderConfig(salesforce, listener));

        assertThat(failure.kind()).isEqualTo(Kind.AUTHORIZATION);
        assertThat(failure.errorCode()).isEqualTo("INVALID_SESSION_ID");
        assertThat(server.refreshCount).hasValue(2);
    }

    @Test
    void rejectedApiKeyIsAuthorizationFailureWithoutRefresh() {
        ScimTarget apiKeyTarget = new ScimTarget("api-key-app", TargetKind.GENERIC_SCIM, server.scimBase(),
                TestTargets.GROUP, new StaticBearer("wrong-api-key"));

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> client.serviceProviderConfig(apiKeyTarget, listener));

        assertThat(failure.kind()).isEqualTo(Kind.AUTHORIZATION);
        assertThat(failure.getMessage()).startsWith("The API key of app api-key-app was rejected");
        assertThat(server.refreshCount).hasValue(0);
    }

    @Test
    void acceptedApiKeyIsSentAsBearer() {
        ScimTarget apiKeyTarget = new ScimTarget("api-key-app", TargetKind.GENERIC_SCIM, server.scimBase(),
                TestTargets.GROUP, new StaticBearer(server.issueAccessToken()));

        client.serviceProviderConfig(apiKeyTarget, listener);

        assertThat(listener.records).singleElement().extracting(CallRecord::status).isEqualTo(200);
    }

    @Test
    void tokenEndpointCallIsRecordedWithoutSecrets() {
        tokens.accessToken(salesforce, listener);

        CallRecord record = listener.records.getFirst();
        assertThat(record.method()).isEqualTo("POST");
        assertThat(record.path()).isEqualTo(FakeScimServer.TOKEN_PATH);
        assertThat(record.status()).isEqualTo(200);
        assertThat(listener.texts()).allSatisfy(text -> assertThat(text)
                .doesNotContain(server.issuedSecrets).doesNotContain(FakeScimServer.CLIENT_SECRET));
    }

    private static List<Object> runConcurrently(Callable<?> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch startGate = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    startGate.await();
                    return call.call();
                }));
            }
            startGate.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<?> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
