package dev.grantflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;

class SandboxTokenControllerTest {

    private final SandboxFixture sandbox = SandboxFixture.create();

    @Test
    void refreshReturnsSalesforceTokenFields() throws Exception {
        MockHttpServletResponse response = sandbox.refresh(SandboxFixture.REFRESH_TOKEN);
        JsonNode body = sandbox.json(response);

        String instanceUrl = "http://localhost:80";
        String id = instanceUrl + "/id/" + SandboxStore.ORG_ID + "/" + SandboxStore.API_USER_ID;
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(body.path("access_token").stringValue()).startsWith(SandboxStore.ORG_ID.substring(0, 15) + "!");
        assertThat(body.path("instance_url").stringValue()).isEqualTo(instanceUrl);
        assertThat(body.path("id").stringValue()).isEqualTo(id);
        assertThat(body.path("issued_at").stringValue()).isEqualTo(String.valueOf(sandbox.clock.millis()));
        assertThat(body.path("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(body.path("scope").stringValue()).isEqualTo("api refresh_token");
        assertThat(body.has("expires_in")).isFalse();
        assertThat(body.has("refresh_token")).isFalse();
    }

    @Test
    void refreshSignatureMatchesHmac() throws Exception {
        JsonNode body = sandbox.json(sandbox.refresh(SandboxFixture.REFRESH_TOKEN));

        String signed = body.path("id").stringValue() + body.path("issued_at").stringValue();
        String expected = SandboxTokenController.sign(signed, SandboxFixture.CLIENT_SECRET);
        assertThat(body.path("signature").stringValue()).isEqualTo(expected);
        assertThat(Base64.getDecoder().decode(expected)).hasSize(32);
    }

    @Test
    void refreshedAccessTokenOpensScimApi() throws Exception {
        String accessToken = sandbox.json(sandbox.refresh(SandboxFixture.REFRESH_TOKEN)).path("access_token").stringValue();

        MockHttpServletResponse response = sandbox.perform(
                get(SandboxFixture.USERS).header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken));

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void accessTokensAreRandomPerRefresh() throws Exception {
        String first = sandbox.json(sandbox.refresh(SandboxFixture.REFRESH_TOKEN)).path("access_token").stringValue();
        String second = sandbox.json(sandbox.refresh(SandboxFixture.REFRESH_TOKEN)).path("access_token").stringValue();

        assertThat(first).isNotEqualTo(second);
        assertThat(first).hasSizeGreaterThan(60);
    }

    @Test
    void basicClientCredentialsAreAccepted() throws Exception {
        MockHttpServletResponse response = sandbox.perform(tokenRequest()
                .header(HttpHeaders.AUTHORIZATION, basic(SandboxFixture.CLIENT_ID, SandboxFixture.CLIENT_SECRET))
                .formField("grant_type", "refresh_token")
                .formField("refresh_token", SandboxFixture.REFRESH_TOKEN));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(sandbox.json(response).path("access_token").isString()).isTrue();
    }

    @Test
    void basicCredentialsAreUrlDecoded() throws Exception {
        SandboxProperties properties = new SandboxProperties(true, "client id+1", "se:cret/+=", "refresh",
                SandboxFixture.TOKEN_LIFETIME, false, List.of());
        SandboxStore store = new SandboxStore(properties);
        MockMvc mvc = MockMvcBuilders
                .standaloneSetup(new SandboxTokenController(store, sandbox.mapper))
                .build();

        MockHttpServletResponse response = mvc.perform(tokenRequest()
                        .header(HttpHeaders.AUTHORIZATION, basic("client id+1", "se:cret/+="))
                        .formField("grant_type", "refresh_token")
                        .formField("refresh_token", "refresh"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void unknownClientIdGetsInvalidClientId() throws Exception {
        MockHttpServletResponse response = sandbox.perform(tokenRequest()
                .formField("grant_type", "refresh_token")
                .formField("client_id", "someone-else")
                .formField("client_secret", SandboxFixture.CLIENT_SECRET)
                .formField("refresh_token", SandboxFixture.REFRESH_TOKEN));

        assertError(response, "invalid_client_id", "client identifier invalid");
    }

    @Test
    void missingClientIdGetsInvalidClientId() throws Exception {
        MockHttpServletResponse response = sandbox.perform(tokenRequest()
                .formField("grant_type", "refresh_token")
                .formField("refresh_token", SandboxFixture.REFRESH_TOKEN));

        assertError(response, "invalid_client_id", "client identifier invalid");
    }

    @Test
    void wrongClientSecretGetsInvalidClient() throws Exception {
        MockHttpServletResponse response = sandbox.perform(tokenRequest()
                .header(HttpHeaders.AUTHORIZATION, basic(SandboxFixture.CLIENT_ID, "wrong-secret"))
                .formField("grant_type", "refresh_token")
                .formField("refresh_token", SandboxFixture.REFRESH_TOKEN));

        assertError(response, "invalid_client", "invalid client credentials");
    }

    @Test
    void unknownRefreshTokenGetsInvalidGrant() throws Exception {
        assertError(sandbox.refresh("not-a-refresh-token"), "invalid_grant", "expired access/refresh token");
    }

    @Test
    void revokedRefreshTokenGetsInvalidGrant() throws Exception {
        sandbox.store.revokeRefreshTokens();

        assertError(sandbox.refresh(SandboxFixture.REFRESH_TOKEN), "invalid_grant", "expired access/refresh token");
    }

    @Test
    void setRefreshTokenReplacesValidToken() throws Exception {
        sandbox.store.setRefreshToken("replacement");

        assertThat(sandbox.refresh("replacement").getStatus()).isEqualTo(200);
        assertError(sandbox.refresh(SandboxFixture.REFRESH_TOKEN), "invalid_grant", "expired access/refresh token");
    }

    @Test
    void unsupportedGrantTypeIsRejected() throws Exception {
        MockHttpServletResponse response = sandbox.perform(tokenRequest()
                .formField("grant_type", "client_credentials")
                .formField("client_id", SandboxFixture.CLIENT_ID)
                .formField("client_secret", SandboxFixture.CLIENT_SECRET));

        assertError(response, "unsupported_grant_type", "grant type not supported");
    }

    @Test
    void rotationReturnsNewRefreshToken() throws Exception {
        SandboxFixture rotating = SandboxFixture.withRotation();

        JsonNode body = rotating.json(rotating.refresh(SandboxFixture.REFRESH_TOKEN));

        assertThat(body.path("refresh_token").isString()).isTrue();
        assertThat(body.path("refresh_token").stringValue()).isNotEqualTo(SandboxFixture.REFRESH_TOKEN);
    }

    @Test
    void rotationRejectsOldRefreshTokenAfterUse() throws Exception {
        SandboxFixture rotating = SandboxFixture.withRotation();
        String next = rotating.json(rotating.refresh(SandboxFixture.REFRESH_TOKEN)).path("refresh_token").stringValue();

        assertError(rotating.refresh(SandboxFixture.REFRESH_TOKEN), "invalid_grant", "expired access/refresh token");
        assertThat(rotating.refresh(next).getStatus()).isEqualTo(200);
    }

    @Test
    void tokenRequestsAreCountedIncludingRejected() throws Exception {
        sandbox.refresh(SandboxFixture.REFRESH_TOKEN);
        sandbox.refresh("not-a-refresh-token");

        assertThat(sandbox.store.tokenRefreshCount()).isEqualTo(2);
    }

    private void assertError(MockHttpServletResponse response, String error, String description) {
        JsonNode body = sandbox.json(response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body.path("error").stringValue()).isEqualTo(error);
        assertThat(body.path("error_description").stringValue()).isEqualTo(description);
        assertThat(body.has("access_token")).isFalse();
    }

    private static MockHttpServletRequestBuilder tokenRequest() {
        return post(SandboxTokenController.TOKEN_PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED);
    }

    /** Encodes credentials as Spring Security 7's DefaultOAuth2TokenRequestHeadersConverter does by default: form-urlencoded, then Base64. */
    private static String basic(String clientId, String clientSecret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
