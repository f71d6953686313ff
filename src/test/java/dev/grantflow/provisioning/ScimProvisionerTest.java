package dev.grantflow.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.grantflow.provisioning.ProvisionedAccount.Outcome;
import dev.grantflow.provisioning.ProvisioningException.Kind;

class ScimProvisionerTest extends FakeServerTestSupport {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String USERS = FakeScimServer.SCIM_PATH + "/Users";
    private static final String EMPTY_LIST = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
            + "\"totalResults\":0,\"Resources\":[]}";

    private ScimProvisioner provisioner;

    @BeforeEach
    void createProvisioner() {
        storeValidAccessToken(salesforce);
        storeValidAccessToken(generic);
        provisioner = new ScimProvisioner(client);
    }

    @Test
    void createSendsProfileAsSingleEntitlement() {
        ProvisionedAccount account = provisioner.provision(salesforce, alice(), listener);

        JsonNode body = MAPPER.readTree(server.requests("POST", USERS).getFirst().body());
        assertThat(account.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(server.users).containsKey(account.scimUserId());
        assertThat(body.get("entitlements").toString()).isEqualTo("[{\"value\":\"" + TestTargets.PROFILE + "\"}]");
        assertThat(body.get("userName").asString()).isEqualTo("alice@example.com");
        assertThat(body.get("name").get("familyName").asString()).isEqualTo("Liddell");
        assertThat(body.get("displayName").asString()).isEqualTo("Alice Liddell");
        assertThat(body.get("emails").toString())
                .isEqualTo("[{\"value\":\"alice@example.com\",\"type\":\"work\",\"primary\":true}]");
        assertThat(body.get("active").asBoolean()).isTrue();
    }

    @Test
    void activeUserIsLinkedAndProfileFixed() {
        String id = server.addUser("alice@example.com", true, "00e000000000OTHER").get("id").asString();

        ProvisionedAccount account = provisioner.provision(salesforce, alice(), listener);

        assertThat(account).isEqualTo(new ProvisionedAccount(id, Outcome.LINKED));
        assertThat(server.users.get(id).get("entitlements").toString())
                .isEqualTo("[{\"value\":\"" + TestTargets.PROFILE + "\"}]");
        assertThat(server.requests("POST", USERS)).isEmpty();
    }

    @Test
    void activeUserWithProfileIsLinkedWithoutPatch() {
        String shortProfileId = TestTargets.PROFILE.substring(0, 15);
        server.addUser("alice@example.com", true, shortProfileId);

        ProvisionedAccount account = provisioner.provision(salesforce, alice(), listener);

        assertThat(account.outcome()).isEqualTo(Outcome.LINKED);
        assertThat(server.requests("PATCH", USERS)).isEmpty();
    }

    @Test
    void inactiveUserIsReactivatedWithProfile() {
        String id = server.addUser("alice@example.com", false).get("id").asString();

        ProvisionedAccount account = provisioner.provision(salesforce, alice(), listener);

        JsonNode patch = MAPPER.readTree(server.requests("PATCH", USERS).getFirst().body());
        assertThat(account).isEqualTo(new ProvisionedAccount(id, Outcome.REACTIVATED));
        assertThat(server.users.get(id).get("active").asBoolean()).isTrue();
        assertThat(patch.get("schemas").toString()).contains(PatchRequest.SCHEMA);
        assertThat(patch.get("Operations").toString()).isEqualTo("[{\"op\":\"replace\",\"path\":\"active\","
                + "\"value\":true},{\"op\":\"replace\",\"path\":\"entitlements\",\"value\":[{\"value\":\""
                + TestTargets.PROFILE + "\"}]}]");
    }

    @Test
    void conflictOnCreateLinksUserFoundOnSecondSearch() {
        String id = server.addUser("alice@example.com", true, TestTargets.PROFILE).get("id").asString();
        server.script(ScriptedResponse.json("GET", "/Users", 200, EMPTY_LIST));

        ProvisionedAccount account = provisioner.provision(salesforce, alice(), listener);

        assertThat(account).isEqualTo(new ProvisionedAccount(id, Outcome.LINKED));
        assertThat(server.postsByUserName.get("alice@example.com")).hasValue(1);
        assertThat(server.requests("GET", USERS)).hasSize(2);
    }

    @Test
    void uniquenessBadRequestAlsoLinks() {
        String id = server.addUser("alice@example.com", true, TestTargets.PROFILE).get("id").asString();
        server.script(ScriptedResponse.json("GET", "/Users", 200, EMPTY_LIST));
        server.script(ScriptedResponse.json("POST", "/Users", 400,
                "{\"schemas\":[\"" + ErrorResponse.SCHEMA + "\"],\"status\":\"400\",\"scimType\":\"uniqueness\"}"));

        ProvisionedAccount account = provisioner.provision(salesforce, alice(), listener);

        assertThat(account.scimUserId()).isEqualTo(id);
    }

    @Test
    void userNameTakenInAnotherOrgIsPermanent() {
        server.script(ScriptedResponse.json("POST", "/Users", 409, "[{\"message\":\"Duplicate Username.\","
                + "\"errorCode\":\"DUPLICATE_USERNAME\"}]"));

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> provisioner.provision(salesforce, alice(), listener));

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.getMessage()).isEqualTo("userName alice@example.com is taken in another Salesforce org. "
                + "Ask the person to use another email, or free the userName in that org.");
        assertThat(failure.errorCode()).isEqualTo("DUPLICATE_USERNAME");
    }

    @Test
    void invalidProfileIsPermanentNamingProfileId() {
        server.script(ScriptedResponse.json("POST", "/Users", 400, "{\"schemas\":[\"" + ErrorResponse.SCHEMA
                + "\"],\"status\":\"400\",\"scimType\":\"invalidValue\",\"detail\":\"INVALID_CROSS_REFERENCE_KEY: "
                + "invalid profile id " + TestTargets.PROFILE + "\"}"));

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> provisioner.provision(salesforce, alice(), listener));

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.getMessage()).isEqualTo("Salesforce rejected profile id " + TestTargets.PROFILE
                + " (INVALID_CROSS_REFERENCE_KEY). Check the Groups Object ID of the app: it must be the id of an "
                + "existing profile.");
    }

    @Test
    void nonEmailUserNameIsPermanentWithoutCalls() {
        ScimUserSpec spec = new ScimUserSpec("alice@example", "Alice", "Liddell", "Alice Liddell", "alice@example");

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> provisioner.provision(salesforce, spec, listener));

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.getMessage()).isEqualTo("userName alice@example is not an email address. Salesforce "
                + "requires userName in email form. Fix the person's email in the directory.");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void genericScimCreatesUserAndAddsToGroup() {
        ProvisionedAccount account = provisioner.provision(generic, alice(), listener);

        JsonNode create = MAPPER.readTree(server.requests("POST", USERS).getFirst().body());
        JsonNode patch = MAPPER.readTree(server.requests("PATCH", FakeScimServer.SCIM_PATH + "/Groups/")
                .getFirst().body());
        assertThat(account.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(create.has("entitlements")).isFalse();
        assertThat(server.groupMembers.get(TestTargets.GROUP)).containsExactly(account.scimUserId());
        assertThat(patch.get("Operations").toString()).isEqualTo("[{\"op\":\"add\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"" + account.scimUserId() + "\"}]}]");
    }

    @Test
    void genericScimLinkedUserJoinsGroup() {
        String id = server.addUser("alice@example.com", true).get("id").asString();

        ProvisionedAccount account = provisioner.provision(generic, alice(), listener);

        assertThat(account).isEqualTo(new ProvisionedAccount(id, Outcome.LINKED));
        assertThat(server.groupMembers.get(TestTargets.GROUP)).containsExactly(id);
        assertThat(server.requests("PATCH", USERS)).isEmpty();
    }

    @Test
    void alreadyGroupMemberCountsAsSuccess() {
        server.script(ScriptedResponse.json("PATCH", "/Groups/" + TestTargets.GROUP, 400,
                "{\"Errors\":[{\"description\":\"User is already a member of this group\",\"code\":400}]}"));

        ProvisionedAccount account = provisioner.provision(generic, alice(), listener);

        assertThat(account.outcome()).isEqualTo(Outcome.CREATED);
    }

    @Test
    void missingGroupIsPermanent() {
        ScimTarget missingGroup = new ScimTarget(generic.appKey(), TargetKind.GENERIC_SCIM, generic.baseUri(),
                "group-missing", generic.credentials());

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> provisioner.provision(missingGroup, alice(), listener));

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.httpStatus()).isEqualTo(404);
    }

    @Test
    void deactivateReplacesActiveWithFalse() {
        String id = server.addUser("alice@example.com", true, TestTargets.PROFILE).get("id").asString();

        provisioner.deactivate(salesforce, id, listener);

        assertThat(server.users.get(id).get("active").asBoolean()).isFalse();
        assertThat(server.requests("DELETE", USERS)).isEmpty();
    }

    @Test
    void removeFromGroupRemovesMember() {
        ProvisionedAccount account = provisioner.provision(generic, alice(), listener);

        provisioner.removeFromGroup(generic, account.scimUserId(), listener);

        JsonNode patch = MAPPER.readTree(server.requests("PATCH", FakeScimServer.SCIM_PATH + "/Groups/")
                .getLast().body());
        assertThat(server.groupMembers.get(TestTargets.GROUP)).isEmpty();
        assertThat(patch.get("Operations").get(0).get("path").asString())
                .isEqualTo("members[value eq \"" + account.scimUserId() + "\"]");
    }

    @Test
    void salesforceIdsMatchAcrossLengths() {
        assertThat(ScimProvisioner.sameSalesforceId("00e5g000001AbCd", "00e5g000001AbCdEAA")).isTrue();
        assertThat(ScimProvisioner.sameSalesforceId("00e5g000001abcd", "00e5g000001AbCdEAA")).isFalse();
    }

    private static ScimUserSpec alice() {
        return new ScimUserSpec("alice@example.com", "Alice", "Liddell", "Alice Liddell", "alice@example.com");
    }
}
