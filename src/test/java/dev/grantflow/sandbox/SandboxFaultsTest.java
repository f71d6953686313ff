package dev.grantflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class SandboxFaultsTest {

    private final SandboxFixture sandbox = SandboxFixture.create();

    @Test
    void injected503ReturnsHtmlOnce() throws Exception {
        sandbox.store.injectFaults(SandboxFault.serviceUnavailable(SandboxOperation.SCIM_ANY));

        MockHttpServletResponse faulted = sandbox.getScim("/Users");
        MockHttpServletResponse next = sandbox.getScim("/Users");

        assertThat(faulted.getStatus()).isEqualTo(503);
        assertThat(faulted.getContentType()).startsWith("text/html");
        assertThat(sandbox.body(faulted)).isEqualTo("<html>Service Unavailable</html>");
        assertThat(next.getStatus()).isEqualTo(200);
    }

    @Test
    void injected403ReturnsRequestLimitExceeded() throws Exception {
        sandbox.store.injectFaults(SandboxFault.requestLimitExceeded(SandboxOperation.LIST_USERS));

        MockHttpServletResponse response = sandbox.getScim("/Users");
        JsonNode body = sandbox.json(response);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/scim+json");
        assertThat(body.get(0).path("errorCode").stringValue()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(body.get(0).path("message").stringValue()).isEqualTo("TotalRequests Limit exceeded.");
    }

    @Test
    void injected502OnTokenEndpointLeavesScimAlone() throws Exception {
        sandbox.store.injectFaults(SandboxFault.badGateway(SandboxOperation.TOKEN));

        MockHttpServletResponse scim = sandbox.getScim("/Users");
        MockHttpServletResponse token = sandbox.refresh(SandboxFixture.REFRESH_TOKEN);

        assertThat(scim.getStatus()).isEqualTo(200);
        assertThat(token.getStatus()).isEqualTo(502);
        assertThat(sandbox.body(token)).isEqualTo("<html>Bad Gateway</html>");
        assertThat(sandbox.store.tokenRefreshCount()).isEqualTo(1);
    }

    @Test
    void createUserFaultHitsOnlyCreate() throws Exception {
        sandbox.store.injectFaults(SandboxFault.serviceUnavailable(SandboxOperation.CREATE_USER));

        MockHttpServletResponse list = sandbox.getScim("/Users");
        MockHttpServletResponse create = sandbox.postUser(
                SandboxFixture.userBody("alice@example.com", SandboxStore.STANDARD_USER_PROFILE_ID));

        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(create.getStatus()).isEqualTo(503);
        assertThat(sandbox.store.users()).isEmpty();
        assertThat(sandbox.store.createUserCount("alice@example.com")).isEqualTo(1);
    }

    @Test
    void faultWithTimesAppliesToSeveralRequests() throws Exception {
        sandbox.store.injectFaults(SandboxFault.serviceUnavailable(SandboxOperation.LIST_USERS).times(2));

        int first = sandbox.getScim("/Users").getStatus();
        int second = sandbox.getScim("/Users").getStatus();
        int third = sandbox.getScim("/Users").getStatus();

        assertThat(first).isEqualTo(503);
        assertThat(second).isEqualTo(503);
        assertThat(third).isEqualTo(200);
    }

    @Test
    void faultsApplyInQueueOrder() throws Exception {
        sandbox.store.injectFaults(
                SandboxFault.badGateway(SandboxOperation.SCIM_ANY),
                SandboxFault.serviceUnavailable(SandboxOperation.SCIM_ANY));

        assertThat(sandbox.getScim("/Users").getStatus()).isEqualTo(502);
        assertThat(sandbox.getScim("/Users").getStatus()).isEqualTo(503);
    }

    @Test
    void truncatedJsonCutsBodyButKeepsCreate() throws Exception {
        sandbox.store.injectFaults(SandboxFault.truncatedJson(SandboxOperation.CREATE_USER));

        MockHttpServletResponse response = sandbox.postUser(
                SandboxFixture.userBody("alice@example.com", SandboxStore.STANDARD_USER_PROFILE_ID));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThatThrownBy(() -> sandbox.json(response)).isInstanceOf(JacksonException.class);
        assertThat(sandbox.store.users()).hasSize(1);
    }

    @Test
    void oversizedBodyIsPaddedToRequestedSize() throws Exception {
        sandbox.store.injectFaults(SandboxFault.oversizedBody(SandboxOperation.GET_ENTITLEMENT, 100_000));

        MockHttpServletResponse response = sandbox.getScim("/Entitlements/" + SandboxStore.STANDARD_USER_PROFILE_ID);

        assertThat(response.getContentAsByteArray()).hasSize(100_000);
        assertThat(sandbox.json(response).path("displayName").stringValue()).isEqualTo("Standard User");
    }

    @Test
    void delayFaultWaitsBeforeHandling() throws Exception {
        Duration delay = Duration.ofMillis(150);
        sandbox.store.injectFaults(SandboxFault.delay(SandboxOperation.LIST_USERS, delay));

        long start = System.nanoTime();
        MockHttpServletResponse response = sandbox.getScim("/Users");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(elapsed).isGreaterThanOrEqualTo(delay);
    }

    @Test
    void latencyAppliesToEveryRequest() throws Exception {
        Duration latency = Duration.ofMillis(60);
        sandbox.store.setLatency(latency);

        long start = System.nanoTime();
        sandbox.getScim("/Users");
        sandbox.refresh(SandboxFixture.REFRESH_TOKEN);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isGreaterThanOrEqualTo(latency.multipliedBy(2));
    }

    @Test
    void faultAppliesBeforeTokenCheck() throws Exception {
        sandbox.store.injectFaults(SandboxFault.serviceUnavailable(SandboxOperation.SCIM_ANY));
        sandbox.store.expireAllAccessTokens();

        MockHttpServletResponse response = sandbox.perform(
                get(SandboxFixture.USERS));

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void requestCountIncludesFaultedRequests() throws Exception {
        sandbox.store.injectFaults(SandboxFault.serviceUnavailable(SandboxOperation.LIST_USERS));

        sandbox.getScim("/Users");
        sandbox.getScim("/Users");

        assertThat(sandbox.store.requestCount(SandboxOperation.LIST_USERS)).isEqualTo(2);
    }

    @Test
    void resetClearsQueuedFaults() throws Exception {
        sandbox.store.injectFaults(SandboxFault.serviceUnavailable(SandboxOperation.SCIM_ANY));

        sandbox.store.reset();

        assertThat(sandbox.getScim("/Users").getStatus()).isEqualTo(200);
    }
}
