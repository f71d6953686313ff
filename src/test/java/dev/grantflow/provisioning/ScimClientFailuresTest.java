package dev.grantflow.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.grantflow.provisioning.ProvisioningException.Kind;

/**
 * Classification of failed SCIM calls against the fake app: what counts as transient or permanent.
 */
class ScimClientFailuresTest extends FakeServerTestSupport {

    @BeforeEach
    void storeTokens() {
        storeValidAccessToken(salesforce);
    }

    @Test
    void serviceUnavailableIsTransientAndCallerRetrySucceeds() {
        server.script(ScriptedResponse.json("GET", "/ServiceProviderConfigs", 503,
                "{\"detail\":\"Service Unavailable\"}"));

        ProvisioningException failure = capture(() -> client.serviceProviderConfig(salesforce, listener));
        var retried = client.serviceProviderConfig(salesforce, listener);

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(retried.get("patch")).isNotNull();
    }

    @Test
    void readTimeoutIsTransient() {
        CountDownLatch release = new CountDownLatch(1);
        server.script(ScriptedResponse.json("GET", "/ServiceProviderConfigs", 200, "{}").heldUntil(release));
        try (ScimClient impatient = new ScimClient(TestTargets.properties(Duration.ofMillis(300)), tokens)) {
            ProvisioningException failure = capture(() -> impatient.serviceProviderConfig(salesforce, listener));

            assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(failure.getMessage()).contains("within 300 ms (grantflow.provisioning.read-timeout)");
            assertThat(listener.records.getFirst().status()).isZero();
        } finally {
            release.countDown();
        }
    }

    @Test
    void htmlBadGatewayIsTransient() {
        server.script(ScriptedResponse.html("GET", "/Users", 502, "<html><body>Bad Gateway</body></html>"));

        ProvisioningException failure = capture(() -> client.findUserByUserName(salesforce, "a@example.com", listener));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.httpStatus()).isEqualTo(502);
        assertThat(failure.getMessage()).contains("instead of JSON");
    }

    @Test
    void htmlOnSuccessStatusIsTransient() {
        server.script(ScriptedResponse.html("GET", "/Users", 200, "<html>Login</html>"));

        ProvisioningException failure = capture(() -> client.findUserByUserName(salesforce, "a@example.com", listener));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void truncatedJsonIsTransient() {
        server.script(ScriptedResponse.json("GET", "/Users/005X", 200, "{\"id\":\"005X\",\"userName\":"));

        ProvisioningException failure = capture(() -> client.getUser(salesforce, "005X", listener));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("invalid or truncated JSON");
    }

    @Test
    void connectionClosedMidBodyIsTransient() {
        server.script(ScriptedResponse.json("GET", "/Users/005X", 200, "{\"id\":\"005X\",").declaringLength(500));

        ProvisioningException failure = capture(() -> client.getUser(salesforce, "005X", listener));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.httpStatus()).isZero();
    }

    @Test
    void oversizedBodyIsTransientNamingLimit() {
        server.script(ScriptedResponse.json("GET", "/Users/005X", 200, largeJson()));

        ProvisioningException failure = capture(() -> client.getUser(salesforce, "005X", listener));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("exceeded the limit of 64KB");
        assertThat(failure.getMessage()).contains("grantflow.provisioning.max-response-size");
    }

    @Test
    void oversizedChunkedBodyIsTransientNamingLimit() {
        server.script(ScriptedResponse.json("GET", "/Users/005X", 200, largeJson()).chunked());

        ProvisioningException failure = capture(() -> client.getUser(salesforce, "005X", listener));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("exceeded the limit of 64KB");
    }

    @Test
    void requestLimitExceededIsTransient() {
        server.script(ScriptedResponse.json("GET", "/Users", 403,
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"));

        ProvisioningException failure = capture(() -> client.findUserByUserName(salesforce, "a@example.com", listener));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    }

    @Test
    void unknownUserIsPermanentNotFound() {
        ProvisioningException failure = capture(() -> client.getUser(salesforce, "005MISSING", listener));

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.httpStatus()).isEqualTo(404);
    }

    @Test
    void refusedConnectionIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ScimTarget unreachable = new ScimTarget(TestTargets.APP, TargetKind.SALESFORCE,
                URI.create("http://127.0.0.1:" + closedPort + "/services/scim/v2"), TestTargets.PROFILE,
                TestTargets.oauth(server));

        ProvisioningException failure = capture(() -> client.serviceProviderConfig(unreachable, listener));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("was refused");
    }

    private static String largeJson() {
        return "{\"id\":\"005X\",\"userName\":\"big@example.com\",\"padding\":\"" + "x".repeat(100_000) + "\"}";
    }
}
