package dev.grantflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.grantflow.catalog.SalesforceIds;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

class SandboxScimUsersTest {

    private static final String STANDARD_USER_15 = SandboxStore.STANDARD_USER_PROFILE_ID.substring(0, 15);

    private final SandboxFixture sandbox = SandboxFixture.create();

    @Test
    void missingBearerTokenGets401InvalidSessionId() throws Exception {
        MockHttpServletResponse response = sandbox.perform(get(SandboxFixture.USERS));

        assertInvalidSession(response);
    }

    @Test
    void unknownBearerTokenGets401InvalidSessionId() throws Exception {
        MockHttpServletResponse response = sandbox.perform(
                get(SandboxFixture.USERS).header(HttpHeaders.AUTHORIZATION, "Bearer 00Dxx!forged"));

        assertInvalidSession(response);
    }

    @Test
    void expiredAccessTokenGets401InvalidSessionId() throws Exception {
        String token = sandbox.accessToken();
        sandbox.clock.advance(SandboxFixture.TOKEN_LIFETIME.plus(Duration.ofSeconds(1)));

        MockHttpServletResponse response = sandbox.perform(
                get(SandboxFixture.USERS).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));

        assertInvalidSession(response);
    }

    @Test
    void accessTokenWorksUntilItsLifetimeEnds() throws Exception {
        String token = sandbox.accessToken();
        sandbox.clock.advance(SandboxFixture.TOKEN_LIFETIME.minus(Duration.ofSeconds(1)));

        MockHttpServletResponse response = sandbox.perform(
                get(SandboxFixture.USERS).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void expireAllAccessTokensGets401InvalidSessionId() throws Exception {
        String token = sandbox.accessToken();
        sandbox.store.expireAllAccessTokens();

        MockHttpServletResponse response = sandbox.perform(
                get(SandboxFixture.USERS).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));

        assertInvalidSession(response);
    }

    @Test
    void createUserReturnsSalesforceShape() throws Exception {
        MockHttpServletResponse response = sandbox.postUser(
                SandboxFixture.userBody("alice@example.com", SandboxStore.STANDARD_USER_PROFILE_ID));
        JsonNode user = sandbox.json(response);

        String id = user.path("id").stringValue();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentType()).isEqualTo("application/scim+json");
        assertThat(id).hasSize(18).startsWith("005");
        assertThat(SalesforceIds.hasValidChecksum(id)).isTrue();
        assertThat(response.getHeader(HttpHeaders.LOCATION)).isEqualTo(user.path("meta").path("location").stringValue());
        assertThat(response.getHeader(HttpHeaders.LOCATION)).endsWith("/sandbox/salesforce/services/scim/v2/Users/" + id);
        assertThat(user.path("schemas").get(0).stringValue()).isEqualTo(SandboxScimJson.USER_SCHEMA);
        assertThat(user.path("userName").stringValue()).isEqualTo("alice@example.com");
        assertThat(user.path("name").path("givenName").stringValue()).isEqualTo("Alice");
        assertThat(user.path("name").path("familyName").stringValue()).isEqualTo("Example");
        assertThat(user.path("displayName").stringValue()).isEqualTo("Alice Example");
        assertThat(user.path("emails").get(0).path("value").stringValue()).isEqualTo("alice@example.com");
        assertThat(user.path("active").booleanValue()).isTrue();
        assertThat(user.path("entitlements")).hasSize(1);
        assertThat(user.path("entitlements").get(0).path("value").stringValue())
                .isEqualTo(SandboxStore.STANDARD_USER_PROFILE_ID);
        assertThat(user.path("entitlements").get(0).path("display").stringValue()).isEqualTo("Standard User");
        assertThat(user.path("entitlements").get(0).path("primary").booleanValue()).isTrue();
        assertThat(user.path("meta").path("resourceType").stringValue()).isEqualTo("User");
        assertThat(user.path("meta").path("created").stringValue()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(user.path("meta").path("lastModified").stringValue()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(user.path("meta").path("version").stringValue()).isEqualTo("W/\"1\"");
    }

    @Test
    void createUserStoresSnapshotForOtherCode() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        SandboxUser user = sandbox.store.users().getFirst();
        assertThat(user.id()).isEqualTo(id);
        assertThat(user.profileId()).isEqualTo(SandboxStore.STANDARD_USER_PROFILE_ID);
        assertThat(user.profileName()).isEqualTo("Standard User");
        assertThat(user.email()).isEqualTo("alice@example.com");
    }

    @Test
    void nonEmailUserNameGets400InvalidValue() throws Exception {
        MockHttpServletResponse response = sandbox.postUser(
                SandboxFixture.userBody("alice.example", SandboxStore.STANDARD_USER_PROFILE_ID));

        assertScimError(response, 400, "invalidValue");
        assertThat(detail(response)).contains("\"alice.example\"").contains("email address");
    }

    @Test
    void missingFamilyNameGets400RequiredFieldMissing() throws Exception {
        String body = """
                {"userName": "bob@example.com", "name": {"givenName": "Bob"},
                 "entitlements": [{"value": "%s"}]}
                """.formatted(SandboxStore.STANDARD_USER_PROFILE_ID);

        MockHttpServletResponse response = sandbox.postUser(body);

        assertScimError(response, 400, "invalidValue");
        assertThat(detail(response)).startsWith("REQUIRED_FIELD_MISSING:").contains("LastName");
    }

    @Test
    void missingEntitlementGets400RequiredFieldMissing() throws Exception {
        String body = """
                {"userName": "bob@example.com", "name": {"givenName": "Bob", "familyName": "Builder"}}
                """;

        MockHttpServletResponse response = sandbox.postUser(body);

        assertScimError(response, 400, "invalidValue");
        assertThat(detail(response)).isEqualTo(SandboxUsers.ENTITLEMENT_REQUIRED);
    }

    @Test
    void twoEntitlementsGet400() throws Exception {
        String body = """
                {"userName": "bob@example.com", "name": {"familyName": "Builder"},
                 "entitlements": [{"value": "%s"}, {"value": "%s"}]}
                """.formatted(SandboxStore.STANDARD_USER_PROFILE_ID, SandboxStore.SYSTEM_ADMINISTRATOR_PROFILE_ID);

        MockHttpServletResponse response = sandbox.postUser(body);

        assertScimError(response, 400, "invalidValue");
        assertThat(detail(response)).startsWith(SandboxUsers.ENTITLEMENT_REQUIRED).contains("got 2");
    }

    @Test
    void unknownProfileGets400InvalidCrossReferenceKey() throws Exception {
        MockHttpServletResponse response = sandbox.postUser(SandboxFixture.userBody("bob@example.com", "00e5g000009Zzzz"));

        assertScimError(response, 400, "invalidValue");
        assertThat(detail(response)).startsWith("INVALID_CROSS_REFERENCE_KEY: invalid profile id 00e5g000009Zzzz");
    }

    @Test
    void profileIdWithWrongChecksumGets400() throws Exception {
        String wrongChecksum = STANDARD_USER_15 + "ZZZ";

        MockHttpServletResponse response = sandbox.postUser(SandboxFixture.userBody("bob@example.com", wrongChecksum));

        assertThat(detail(response)).startsWith("INVALID_CROSS_REFERENCE_KEY:");
    }

    @Test
    void fifteenCharacterProfileIdIsStoredAsEighteen() throws Exception {
        MockHttpServletResponse response = sandbox.postUser(SandboxFixture.userBody("bob@example.com", STANDARD_USER_15));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(sandbox.json(response).path("entitlements").get(0).path("value").stringValue())
                .isEqualTo(SandboxStore.STANDARD_USER_PROFILE_ID);
    }

    @Test
    void duplicateUserNameGets409IgnoringCase() throws Exception {
        sandbox.createUser("alice@example.com");

        MockHttpServletResponse response = sandbox.postUser(
                SandboxFixture.userBody("ALICE@example.com", SandboxStore.STANDARD_USER_PROFILE_ID));

        assertScimError(response, 409, "uniqueness");
        assertThat(detail(response)).startsWith("DUPLICATE_USERNAME:");
        assertThat(sandbox.store.users()).hasSize(1);
    }

    @Test
    void userNameTakenInOtherOrgGets409() throws Exception {
        SandboxFixture org = SandboxFixture.withTakenUserNames("taken@example.com");

        MockHttpServletResponse response = org.postUser(
                SandboxFixture.userBody("Taken@Example.com", SandboxStore.STANDARD_USER_PROFILE_ID));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(org.json(response).path("scimType").stringValue()).isEqualTo("uniqueness");
        assertThat(org.json(response).path("detail").stringValue()).startsWith("DUPLICATE_USERNAME:");
        assertThat(org.json(org.listUsers("userName eq \"taken@example.com\"")).path("totalResults").intValue())
                .isZero();
    }

    @Test
    void createUserCountIncludesRejectedAttempts() throws Exception {
        sandbox.createUser("alice@example.com");
        sandbox.postUser(SandboxFixture.userBody("alice@example.com", SandboxStore.STANDARD_USER_PROFILE_ID));

        assertThat(sandbox.store.createUserCount("Alice@Example.com")).isEqualTo(2);
        assertThat(sandbox.store.createUserCount("nobody@example.com")).isZero();
    }

    @Test
    void malformedJsonGets400InvalidSyntax() throws Exception {
        MockHttpServletResponse response = sandbox.postUser("{\"userName\": ");

        assertScimError(response, 400, "invalidSyntax");
    }

    @Test
    void filterMatchesUserNameIgnoringCase() throws Exception {
        String id = sandbox.createUser("alice@example.com");
        sandbox.createUser("bob@example.com");

        JsonNode list = sandbox.json(sandbox.listUsers("USERNAME Eq \"Alice@Example.com\""));

        assertThat(list.path("schemas").get(0).stringValue()).isEqualTo(SandboxScimJson.LIST_RESPONSE_SCHEMA);
        assertThat(list.path("totalResults").intValue()).isEqualTo(1);
        assertThat(list.path("Resources").get(0).path("id").stringValue()).isEqualTo(id);
    }

    @Test
    void filterWithEscapedQuoteAndBackslashMatches() throws Exception {
        String userName = "o\"neil\\x@example.com";
        sandbox.createUser(userName);

        JsonNode list = sandbox.json(sandbox.listUsers("userName eq \"o\\\"neil\\\\x@example.com\""));

        assertThat(list.path("totalResults").intValue()).isEqualTo(1);
        assertThat(list.path("Resources").get(0).path("userName").stringValue()).isEqualTo(userName);
    }

    @Test
    void unquotedFilterValueGets400InvalidFilter() throws Exception {
        MockHttpServletResponse response = sandbox.listUsers("userName eq alice@example.com");

        assertScimError(response, 400, "invalidFilter");
        assertThat(detail(response)).contains("double-quoted").contains("alice@example.com");
    }

    @Test
    void unsupportedFilterAttributeGets400InvalidFilter() throws Exception {
        MockHttpServletResponse response = sandbox.listUsers("emails eq \"alice@example.com\"");

        assertScimError(response, 400, "invalidFilter");
        assertThat(detail(response)).contains("emails");
    }

    @Test
    void listUsersPaginatesFromOneBasedStartIndex() throws Exception {
        sandbox.createUser("a@example.com");
        sandbox.createUser("b@example.com");
        sandbox.createUser("c@example.com");

        JsonNode list = sandbox.json(sandbox.getScim("/Users?startIndex=2&count=1"));

        assertThat(list.path("totalResults").intValue()).isEqualTo(3);
        assertThat(list.path("startIndex").intValue()).isEqualTo(2);
        assertThat(list.path("itemsPerPage").intValue()).isEqualTo(1);
        assertThat(list.path("Resources").get(0).path("userName").stringValue()).isEqualTo("b@example.com");
    }

    @Test
    void nonIntegerCountGets400() throws Exception {
        MockHttpServletResponse response = sandbox.getScim("/Users?count=ten");

        assertScimError(response, 400, "invalidValue");
    }

    @Test
    void getUserAcceptsFifteenCharacterId() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        MockHttpServletResponse response = sandbox.getScim("/Users/" + id.substring(0, 15));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(sandbox.json(response).path("id").stringValue()).isEqualTo(id);
    }

    @Test
    void unknownUserGets404() throws Exception {
        MockHttpServletResponse response = sandbox.getScim("/Users/005000000000000AAA");

        assertScimError(response, 404, null);
    }

    @Test
    void deleteDeactivatesWithoutRemoving() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        MockHttpServletResponse response = sandbox.perform(
                delete(SandboxFixture.USERS + "/" + id).header(HttpHeaders.AUTHORIZATION, sandbox.bearer()));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(sandbox.json(sandbox.getScim("/Users/" + id)).path("active").booleanValue()).isFalse();
        assertThat(sandbox.store.users()).hasSize(1);
        assertThat(sandbox.store.users().getFirst().active()).isFalse();
    }

    @Test
    void patchActiveFalseDeactivates() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        MockHttpServletResponse response = sandbox.patchScim("/Users/" + id,
                SandboxFixture.patchBody("[{\"op\": \"replace\", \"path\": \"active\", \"value\": false}]"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(sandbox.json(response).path("active").booleanValue()).isFalse();
        assertThat(sandbox.json(response).path("meta").path("version").stringValue()).isEqualTo("W/\"2\"");
    }

    @Test
    void patchEntitlementsReplacesProfile() throws Exception {
        String id = sandbox.createUser("alice@example.com");
        String admin15 = SandboxStore.SYSTEM_ADMINISTRATOR_PROFILE_ID.substring(0, 15);

        MockHttpServletResponse response = sandbox.patchScim("/Users/" + id, SandboxFixture.patchBody(
                "[{\"op\": \"Replace\", \"path\": \"entitlements\", \"value\": [{\"value\": \"" + admin15 + "\"}]}]"));
        JsonNode entitlements = sandbox.json(response).path("entitlements");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(entitlements).hasSize(1);
        assertThat(entitlements.get(0).path("value").stringValue()).isEqualTo(SandboxStore.SYSTEM_ADMINISTRATOR_PROFILE_ID);
        assertThat(entitlements.get(0).path("display").stringValue()).isEqualTo("System Administrator");
    }

    @Test
    void patchUnknownProfileGets400AndKeepsUser() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        MockHttpServletResponse response = sandbox.patchScim("/Users/" + id, SandboxFixture.patchBody("""
                [{"op": "replace", "path": "active", "value": false},
                 {"op": "replace", "path": "entitlements", "value": [{"value": "00e5g000009Zzzz"}]}]
                """));

        assertScimError(response, 400, "invalidValue");
        assertThat(detail(response)).startsWith("INVALID_CROSS_REFERENCE_KEY:");
        assertThat(sandbox.store.users().getFirst().active()).isTrue();
        assertThat(sandbox.store.users().getFirst().profileId()).isEqualTo(SandboxStore.STANDARD_USER_PROFILE_ID);
    }

    @Test
    void patchNamePartsByPath() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        JsonNode user = sandbox.json(sandbox.patchScim("/Users/" + id, SandboxFixture.patchBody("""
                [{"op": "replace", "path": "name.givenName", "value": "Alicia"},
                 {"op": "replace", "path": "name.familyName", "value": "Sample"}]
                """)));

        assertThat(user.path("name").path("givenName").stringValue()).isEqualTo("Alicia");
        assertThat(user.path("name").path("familyName").stringValue()).isEqualTo("Sample");
        assertThat(user.path("displayName").stringValue()).isEqualTo("Alicia Sample");
    }

    @Test
    void patchWithoutPathReplacesValueObject() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        JsonNode user = sandbox.json(sandbox.patchScim("/Users/" + id, SandboxFixture.patchBody("""
                [{"op": "replace", "value": {"active": "False", "name": {"givenName": "Al"}}}]
                """)));

        assertThat(user.path("active").booleanValue()).isFalse();
        assertThat(user.path("name").path("givenName").stringValue()).isEqualTo("Al");
        assertThat(user.path("name").path("familyName").stringValue()).isEqualTo("Example");
    }

    @Test
    void patchRemovingFamilyNameGets400() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        MockHttpServletResponse response = sandbox.patchScim("/Users/" + id, SandboxFixture.patchBody(
                "[{\"op\": \"replace\", \"path\": \"name.familyName\", \"value\": null}]"));

        assertThat(detail(response)).startsWith("REQUIRED_FIELD_MISSING:");
    }

    @Test
    void patchUnsupportedPathGets400InvalidPath() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        MockHttpServletResponse response = sandbox.patchScim("/Users/" + id, SandboxFixture.patchBody(
                "[{\"op\": \"replace\", \"path\": \"nickName\", \"value\": \"Ali\"}]"));

        assertScimError(response, 400, "invalidPath");
        assertThat(detail(response)).contains("nickName");
    }

    @Test
    void patchWithoutPatchOpSchemaGets400InvalidSyntax() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        MockHttpServletResponse response = sandbox.patchScim("/Users/" + id,
                "{\"Operations\": [{\"op\": \"replace\", \"path\": \"active\", \"value\": false}]}");

        assertScimError(response, 400, "invalidSyntax");
    }

    @Test
    void putReplacesUserNameAndProfile() throws Exception {
        String id = sandbox.createUser("alice@example.com");

        MockHttpServletResponse response = sandbox.perform(put(SandboxFixture.USERS + "/" + id)
                .header(HttpHeaders.AUTHORIZATION, sandbox.bearer())
                .contentType(SandboxScimJson.SCIM_JSON)
                .content(SandboxFixture.userBody("alice.new@example.com", SandboxStore.PLATFORM_USER_PROFILE_ID)));
        JsonNode user = sandbox.json(response);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(user.path("id").stringValue()).isEqualTo(id);
        assertThat(user.path("userName").stringValue()).isEqualTo("alice.new@example.com");
        assertThat(user.path("entitlements").get(0).path("display").stringValue()).isEqualTo("Salesforce Platform User");
    }

    @Test
    void putToUserNameOfAnotherUserGets409() throws Exception {
        sandbox.createUser("alice@example.com");
        String bobId = sandbox.createUser("bob@example.com");

        MockHttpServletResponse response = sandbox.perform(put(SandboxFixture.USERS + "/" + bobId)
                .header(HttpHeaders.AUTHORIZATION, sandbox.bearer())
                .contentType(SandboxScimJson.SCIM_JSON)
                .content(SandboxFixture.userBody("alice@example.com", SandboxStore.STANDARD_USER_PROFILE_ID)));

        assertScimError(response, 409, "uniqueness");
    }

    private void assertInvalidSession(MockHttpServletResponse response) {
        JsonNode body = sandbox.json(response);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(body.isArray()).isTrue();
        assertThat(body.get(0).path("errorCode").stringValue()).isEqualTo("INVALID_SESSION_ID");
        assertThat(body.get(0).path("message").stringValue()).isEqualTo("Session expired or invalid");
    }

    private void assertScimError(MockHttpServletResponse response, int status, String scimType) {
        JsonNode body = sandbox.json(response);
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo("application/scim+json");
        assertThat(body.path("schemas").get(0).stringValue()).isEqualTo(SandboxScimJson.ERROR_SCHEMA);
        assertThat(body.path("status").stringValue()).isEqualTo(String.valueOf(status));
        if (scimType == null) {
            assertThat(body.has("scimType")).isFalse();
        } else {
            assertThat(body.path("scimType").stringValue()).isEqualTo(scimType);
        }
    }

    private String detail(MockHttpServletResponse response) {
        return sandbox.json(response).path("detail").stringValue();
    }
}
