package dev.grantflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's authorization endpoint and the authorization_code grant of its token endpoint: consent,
 * redirects, PKCE, and the single-use, short-lived codes.
 */
class SandboxAuthorizationCodeTest {

    private static final String REDIRECT_URI = "http://localhost:8080/admin/connect/callback/app-1";
    private static final String VERIFIER = "a-code-verifier-of-forty-three-characters-or-more";
    private static final String STATE = "state-\"<&>";

    private final SandboxFixture sandbox = SandboxFixture.create();

    @Test
    void consentPageOffersAllowAndDeny() throws Exception {
        MockHttpServletResponse response = sandbox.perform(authorize(get(SandboxAuthorizeController.AUTHORIZE_PATH)));

        String page = sandbox.body(response);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(page).contains("value=\"allow\"").contains("value=\"deny\"");
        assertThat(page).contains("value=\"state-&quot;&lt;&amp;&gt;\"");
        assertThat(page).doesNotContain(STATE);
    }

    @Test
    void allowRedirectsWithCodeAndState() throws Exception {
        Map<String, String> query = redirectQuery(decide("allow"));

        assertThat(query.get("code")).hasSizeGreaterThan(40);
        assertThat(query.get("state")).isEqualTo(STATE);
        assertThat(query).doesNotContainKey("error");
    }

    @Test
    void denyRedirectsWithAccessDenied() throws Exception {
        Map<String, String> query = redirectQuery(decide("deny"));

        assertThat(query.get("error")).isEqualTo("access_denied");
        assertThat(query.get("state")).isEqualTo(STATE);
        assertThat(query).doesNotContainKey("code");
    }

    @Test
    void unknownClientGetsErrorPage() throws Exception {
        MockHttpServletResponse response = sandbox.perform(
                authorize(get(SandboxAuthorizeController.AUTHORIZE_PATH), Map.of("client_id", "someone-else")));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeader(HttpHeaders.LOCATION)).isNull();
        assertThat(sandbox.body(response)).contains("invalid_client_id");
    }

    @Test
    void foreignRedirectUriGetsErrorPage() throws Exception {
        MockHttpServletResponse response = sandbox.perform(authorize(get(SandboxAuthorizeController.AUTHORIZE_PATH),
                Map.of("redirect_uri", "https://attacker.example/callback")));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeader(HttpHeaders.LOCATION)).isNull();
        assertThat(sandbox.body(response)).contains("redirect_uri_mismatch");
    }

    @Test
    void missingCodeChallengeIsInvalidRequest() throws Exception {
        MockHttpServletResponse response = sandbox.perform(authorize(get(SandboxAuthorizeController.AUTHORIZE_PATH),
                Map.of("code_challenge", "")));

        assertThat(redirectQuery(response).get("error")).isEqualTo("invalid_request");
    }

    @Test
    void plainChallengeMethodIsInvalidRequest() throws Exception {
        MockHttpServletResponse response = sandbox.perform(authorize(get(SandboxAuthorizeController.AUTHORIZE_PATH),
                Map.of("code_challenge_method", "plain")));

        assertThat(redirectQuery(response).get("error")).isEqualTo("invalid_request");
    }

    @Test
    void codeExchangeReturnsWorkingRefreshToken() throws Exception {
        MockHttpServletResponse response = exchange(issueCode(), REDIRECT_URI, VERIFIER);
        JsonNode body = sandbox.json(response);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body.path("access_token").stringValue()).startsWith(SandboxStore.ORG_ID.substring(0, 15) + "!");
        String refreshToken = body.path("refresh_token").stringValue();
        assertThat(refreshToken).isNotBlank().isNotEqualTo(SandboxFixture.REFRESH_TOKEN);
        assertThat(sandbox.refresh(refreshToken).getStatus()).isEqualTo(200);
    }

    @Test
    void codeWorksOnce() throws Exception {
        String code = issueCode();
        exchange(code, REDIRECT_URI, VERIFIER);

        assertTokenError(exchange(code, REDIRECT_URI, VERIFIER), "invalid_grant");
    }

    @Test
    void expiredCodeIsRejected() throws Exception {
        String code = issueCode();
        sandbox.clock.advance(SandboxAuthorizationCodes.LIFETIME.plus(Duration.ofSeconds(1)));

        assertTokenError(exchange(code, REDIRECT_URI, VERIFIER), "invalid_grant");
    }

    @Test
    void otherRedirectUriIsRejected() throws Exception {
        MockHttpServletResponse response = exchange(issueCode(), "http://localhost:8080/elsewhere", VERIFIER);

        assertTokenError(response, "redirect_uri_mismatch");
    }

    @Test
    void wrongVerifierIsRejected() throws Exception {
        MockHttpServletResponse response = exchange(issueCode(), REDIRECT_URI, VERIFIER + "x");

        assertTokenError(response, "invalid_grant");
        assertThat(sandbox.json(response).path("error_description").stringValue()).isEqualTo("invalid code verifier");
    }

    @Test
    void noRefreshTokenWithoutScope() throws Exception {
        MockHttpServletResponse allowed = sandbox.perform(consentForm(Map.of("scope", "api", "decision", "allow")));

        JsonNode body = sandbox.json(exchange(redirectQuery(allowed).get("code"), REDIRECT_URI, VERIFIER));

        assertThat(body.path("access_token").isString()).isTrue();
        assertThat(body.has("refresh_token")).isFalse();
    }

    @Test
    void codeExchangeChecksClientSecret() throws Exception {
        MockHttpServletResponse response = sandbox.perform(post(SandboxTokenController.TOKEN_PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .formField("grant_type", "authorization_code")
                .formField("code", issueCode())
                .formField("redirect_uri", REDIRECT_URI)
                .formField("code_verifier", VERIFIER)
                .formField("client_id", SandboxFixture.CLIENT_ID)
                .formField("client_secret", "wrong-secret"));

        assertTokenError(response, "invalid_client");
    }

    @Test
    void resetForgetsCodes() throws Exception {
        String code = issueCode();
        sandbox.store.reset();

        assertTokenError(exchange(code, REDIRECT_URI, VERIFIER), "invalid_grant");
    }

    private static MockHttpServletRequestBuilder authorize(MockHttpServletRequestBuilder request) throws Exception {
        return authorize(request, Map.of());
    }

    /** Adds a valid authorization request's parameters; {@code changes} replaces values, and an empty value drops one. */
    private static MockHttpServletRequestBuilder authorize(MockHttpServletRequestBuilder request, Map<String, String> changes)
            throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", SandboxFixture.CLIENT_ID);
        parameters.put("redirect_uri", REDIRECT_URI);
        parameters.put("scope", "api refresh_token");
        parameters.put("state", STATE);
        parameters.put("code_challenge", challenge(VERIFIER));
        parameters.put("code_challenge_method", "S256");
        parameters.putAll(changes);
        parameters.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.param(name, value);
            }
        });
        return request;
    }

    /** Returns the consent form's post, as the browser sends it after a click on Allow or Deny. */
    private static MockHttpServletRequestBuilder consentForm(Map<String, String> changes) throws Exception {
        return authorize(post(SandboxAuthorizeController.AUTHORIZE_PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED),
                changes);
    }

    private MockHttpServletResponse decide(String decision) throws Exception {
        return sandbox.perform(consentForm(Map.of("decision", decision)));
    }

    private String issueCode() throws Exception {
        return redirectQuery(decide("allow")).get("code");
    }

    private MockHttpServletResponse exchange(String code, String redirectUri, String verifier) throws Exception {
        return sandbox.perform(post(SandboxTokenController.TOKEN_PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .formField("grant_type", "authorization_code")
                .formField("code", code)
                .formField("redirect_uri", redirectUri)
                .formField("code_verifier", verifier)
                .formField("client_id", SandboxFixture.CLIENT_ID)
                .formField("client_secret", SandboxFixture.CLIENT_SECRET));
    }

    /** Returns the decoded query of a redirect to the client's redirect URI. */
    private static Map<String, String> redirectQuery(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isEqualTo(302);
        URI location = URI.create(response.getHeader(HttpHeaders.LOCATION));
        assertThat(location.toString()).startsWith(REDIRECT_URI + "?");
        return UriComponentsBuilder.fromUri(location).build().getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
    }

    private void assertTokenError(MockHttpServletResponse response, String error) {
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(sandbox.json(response).path("error").stringValue()).isEqualTo(error);
        assertThat(sandbox.json(response).has("access_token")).isFalse();
    }

    private static String challenge(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }
}
