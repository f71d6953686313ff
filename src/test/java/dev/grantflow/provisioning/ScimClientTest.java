package dev.grantflow.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.grantflow.provisioning.FakeScimServer.ReceivedRequest;

class ScimClientTest extends FakeServerTestSupport {

    @BeforeEach
    void storeTokens() {
        storeValidAccessToken(salesforce);
        storeValidAccessToken(generic);
    }

    @Test
    void filterQuotesAndEscapesUserName() {
        String userName = "o\"neil\\x@example.com";
        server.addUser(userName, true, TestTargets.PROFILE);

        Optional<UserResource> found = client.findUserByUserName(salesforce, userName, listener);

        assertThat(found).get().extracting(UserResource::userName).isEqualTo(userName);
        assertThat(server.requests("GET", FakeScimServer.SCIM_PATH + "/Users").getFirst().query())
                .isEqualTo("filter=userName eq \"o\\\"neil\\\\x@example.com\"");
    }

    @Test
    void filterIsPercentEncodedOnTheWire() {
        client.findUserByUserName(salesforce, "a+b@example.com", listener);

        assertThat(server.requests("GET", FakeScimServer.SCIM_PATH + "/Users").getFirst().rawQuery())
                .isEqualTo("filter=userName%20eq%20%22a%2Bb%40example.com%22");
        assertThat(listener.records.getFirst().path())
                .isEqualTo(FakeScimServer.SCIM_PATH + "/Users?filter=userName eq \"a+b@example.com\"");
    }

    @Test
    void userNameFilterEscapesQuoteAndBackslash() {
        assertThat(ScimClient.userNameFilter("a\"b\\c")).isEqualTo("userName eq \"a\\\"b\\\\c\"");
    }

    @Test
    void requestsUseScimMediaType() {
        client.createUser(salesforce, new UserResource(null, null, "new@example.com", null, null, null, true, null),
                listener);

        ReceivedRequest post = server.requests("POST", FakeScimServer.SCIM_PATH + "/Users").getFirst();
        assertThat(post.contentType()).startsWith("application/scim+json");
        assertThat(post.accept()).contains("application/scim+json").contains("application/json");
    }

    @Test
    void serviceProviderConfigPathDependsOnKind() {
        client.serviceProviderConfig(salesforce, listener);
        client.serviceProviderConfig(generic, listener);

        assertThat(server.requests("GET", FakeScimServer.SCIM_PATH + "/ServiceProviderConfigs")).hasSize(1);
        assertThat(server.requests("GET", FakeScimServer.SCIM_PATH + "/ServiceProviderConfig")).hasSize(2);
    }

    @Test
    void entitlementAndGroupAreRead() {
        var entitlement = client.entitlement(salesforce, TestTargets.PROFILE, listener);
        var group = client.group(salesforce, TestTargets.GROUP, listener);

        assertThat(entitlement.get("displayName").asString()).isEqualTo("Standard User");
        assertThat(group.get("id").asString()).isEqualTo(TestTargets.GROUP);
        assertThat(server.requests("GET", FakeScimServer.SCIM_PATH + "/Groups").getFirst().query())
                .isEqualTo("excludedAttributes=members");
    }

    @Test
    void callRecordsCarryOutcomeAndNoToken() {
        store.putAccessToken(TestTargets.APP, new CachedAccessToken("stale-token", null));
        server.script(ScriptedResponse.json("POST", "/Users", 400, "{\"schemas\":[\"" + ErrorResponse.SCHEMA
                + "\"],\"status\":\"400\",\"scimType\":\"invalidValue\",\"detail\":\"INVALID_CROSS_REFERENCE_KEY: "
                + "invalid profile id " + TestTargets.PROFILE + "\"}"));

        capture(() -> client.createUser(salesforce, new UserResource(null, null, "new@example.com", null, null, null,
                true, null), listener));

        List<CallRecord> records = listener.records;
        assertThat(records).extracting(CallRecord::method).containsExactly("POST", "POST", "POST");
        assertThat(records).extracting(CallRecord::path).containsExactly(FakeScimServer.SCIM_PATH + "/Users",
                FakeScimServer.TOKEN_PATH, FakeScimServer.SCIM_PATH + "/Users");
        assertThat(records).extracting(CallRecord::status).containsExactly(401, 200, 400);
        assertThat(records).extracting(CallRecord::errorCode)
                .containsExactly("INVALID_SESSION_ID", null, "INVALID_CROSS_REFERENCE_KEY");
        assertThat(records.getLast().message()).contains(TestTargets.PROFILE);
        assertNoSecretIn(listener.texts());
        assertNoSecretIn(failures.stream().map(Throwable::getMessage).toList());
    }
}
