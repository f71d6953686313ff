package dev.grantflow.sandbox;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A sandbox store and its controllers behind a standalone MockMvc, with helpers for common requests. */
final class SandboxFixture {

    static final String CLIENT_ID = "test-client";
    static final String CLIENT_SECRET = "test-secret";
    static final String REFRESH_TOKEN = "test-refresh-token";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    static final String USERS = SandboxScimController.BASE_PATH + "/Users";
    static final String GROUPS = SandboxScimController.BASE_PATH + "/Groups";
    static final String PATCH_OP = SandboxPatchOperation.PATCH_OP_SCHEMA;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    final JsonMapper mapper = JsonMapper.builder().build();
    final SandboxStore store;
    final MockMvc mvc;

    private SandboxFixture(SandboxProperties properties) {
        store = new SandboxStore(properties, clock);
        SandboxScimController scim =
                new SandboxScimController(store, new SandboxUsers(store), new SandboxGroups(store), mapper);
        mvc = MockMvcBuilders.standaloneSetup(new SandboxTokenController(store, mapper), scim,
                new SandboxAuthorizeController(store)).build();
    }

    static SandboxFixture create() {
        return new SandboxFixture(properties(false, List.of()));
    }

    static SandboxFixture withRotation() {
        return new SandboxFixture(properties(true, List.of()));
    }

    static SandboxFixture withTakenUserNames(String... userNames) {
        return new SandboxFixture(properties(false, List.of(userNames)));
    }

    static SandboxProperties properties(boolean rotate, List<String> takenUserNames) {
        return new SandboxProperties(
                true, CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, TOKEN_LIFETIME, rotate, takenUserNames);
    }

    /** Returns a live access token without going through the token endpoint. */
    String accessToken() {
        return store.issueAccessToken();
    }

    MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    JsonNode json(MockHttpServletResponse response) {
        return mapper.readTree(response.getContentAsByteArray());
    }

    String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    MockHttpServletResponse getScim(String path) throws Exception {
        return perform(get(SandboxScimController.BASE_PATH + path).header(HttpHeaders.AUTHORIZATION, bearer()));
    }

    MockHttpServletResponse listUsers(String filter) throws Exception {
        return perform(get(USERS).param("filter", filter).header(HttpHeaders.AUTHORIZATION, bearer()));
    }

    MockHttpServletResponse postUser(String body) throws Exception {
        return perform(post(USERS)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(SandboxScimJson.SCIM_JSON)
                .content(body));
    }

    MockHttpServletResponse patchScim(String path, String body) throws Exception {
        return perform(patch(SandboxScimController.BASE_PATH + path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(SandboxScimJson.SCIM_JSON)
                .content(body));
    }

    /** Creates a user with the Standard User profile and returns its id. */
    String createUser(String userName) throws Exception {
        MockHttpServletResponse response = postUser(userBody(userName, SandboxStore.STANDARD_USER_PROFILE_ID));
        if (response.getStatus() != 201) {
            throw new IllegalStateException("Creating " + userName + " failed: " + body(response));
        }
        return json(response).path("id").stringValue();
    }

    MockHttpServletResponse refresh(String refreshToken) throws Exception {
        return perform(post(SandboxTokenController.TOKEN_PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .formField("grant_type", "refresh_token")
                .formField("client_id", CLIENT_ID)
                .formField("client_secret", CLIENT_SECRET)
                .formField("refresh_token", refreshToken));
    }

    String bearer() {
        return "Bearer " + accessToken();
    }

    static String userBody(String userName, String profileId) {
        return """
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                  "userName": %s,
                  "name": {"givenName": "Alice", "familyName": "Example"},
                  "emails": [{"value": "alice@example.com", "type": "work", "primary": true}],
                  "active": true,
                  "entitlements": [{"value": "%s"}]
                }
                """.formatted(JsonMapper.shared().writeValueAsString(userName), profileId);
    }

    static String patchBody(String operations) {
        return """
                {"schemas": ["%s"], "Operations": %s}
                """.formatted(PATCH_OP, operations);
    }
}
