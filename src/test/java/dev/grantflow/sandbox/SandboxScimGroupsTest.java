package dev.grantflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/** Groups, entitlements and the service provider configuration. */
class SandboxScimGroupsTest {

    private final SandboxFixture sandbox = SandboxFixture.create();

    @Test
    void seededSalesGroupStartsWithoutMembers() throws Exception {
        MockHttpServletResponse response = sandbox.getScim("/Groups/" + SandboxStore.SALES_GROUP_ID);
        JsonNode group = sandbox.json(response);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/scim+json");
        assertThat(group.path("id").stringValue()).isEqualTo(SandboxStore.SALES_GROUP_ID).startsWith("00G");
        assertThat(group.path("displayName").stringValue()).isEqualTo("Sales");
        assertThat(group.path("members")).isEmpty();
    }

    @Test
    void patchAddsMemberToGroup() throws Exception {
        String userId = sandbox.createUser("alice@example.com");

        MockHttpServletResponse response = sandbox.patchScim("/Groups/" + SandboxStore.SALES_GROUP_ID,
                addMember(userId.substring(0, 15)));
        JsonNode members = sandbox.json(sandbox.getScim("/Groups/" + SandboxStore.SALES_GROUP_ID)).path("members");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(members).hasSize(1);
        assertThat(members.get(0).path("value").stringValue()).isEqualTo(userId);
        assertThat(members.get(0).path("display").stringValue()).isEqualTo("Alice Example");
    }

    @Test
    void patchAddsSameMemberOnlyOnce() throws Exception {
        String userId = sandbox.createUser("alice@example.com");
        sandbox.patchScim("/Groups/" + SandboxStore.SALES_GROUP_ID, addMember(userId));

        JsonNode group = sandbox.json(sandbox.patchScim("/Groups/" + SandboxStore.SALES_GROUP_ID, addMember(userId)));

        assertThat(group.path("members")).hasSize(1);
    }

    @Test
    void patchRemovesMemberByValue() throws Exception {
        String alice = sandbox.createUser("alice@example.com");
        String bob = sandbox.createUser("bob@example.com");
        sandbox.patchScim("/Groups/" + SandboxStore.SUPPORT_GROUP_ID, addMember(alice));
        sandbox.patchScim("/Groups/" + SandboxStore.SUPPORT_GROUP_ID, addMember(bob));

        JsonNode group = sandbox.json(sandbox.patchScim("/Groups/" + SandboxStore.SUPPORT_GROUP_ID,
                SandboxFixture.patchBody("[{\"op\": \"remove\", \"path\": \"members\", \"value\": [{\"value\": \""
                        + alice + "\"}]}]")));

        assertThat(group.path("members")).hasSize(1);
        assertThat(group.path("members").get(0).path("value").stringValue()).isEqualTo(bob);
    }

    @Test
    void patchRemovesMemberByValueFilterPath() throws Exception {
        String alice = sandbox.createUser("alice@example.com");
        sandbox.patchScim("/Groups/" + SandboxStore.SALES_GROUP_ID, addMember(alice));

        JsonNode group = sandbox.json(sandbox.patchScim("/Groups/" + SandboxStore.SALES_GROUP_ID,
                SandboxFixture.patchBody("[{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + alice + "\\\"]\"}]")));

        assertThat(group.path("members")).isEmpty();
    }

    @Test
    void patchWithUnknownUserGets400InvalidValue() throws Exception {
        MockHttpServletResponse response = sandbox.patchScim("/Groups/" + SandboxStore.SALES_GROUP_ID,
                addMember("005000000000000AAA"));
        JsonNode body = sandbox.json(response);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body.path("scimType").stringValue()).isEqualTo("invalidValue");
        assertThat(body.path("detail").stringValue()).contains("005000000000000AAA");
    }

    @Test
    void unknownGroupGets404() throws Exception {
        MockHttpServletResponse response = sandbox.getScim("/Groups/00G000000000000AAA");

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(sandbox.json(response).path("status").stringValue()).isEqualTo("404");
    }

    @Test
    void entitlementsListSeededProfiles() throws Exception {
        JsonNode list = sandbox.json(sandbox.getScim("/Entitlements"));

        assertThat(list.path("totalResults").intValue()).isEqualTo(3);
        assertThat(list.path("Resources").get(0).path("id").stringValue()).isEqualTo(SandboxStore.STANDARD_USER_PROFILE_ID);
        assertThat(list.path("Resources").get(0).path("displayName").stringValue()).isEqualTo("Standard User");
        assertThat(list.path("Resources").get(2).path("displayName").stringValue()).isEqualTo("System Administrator");
    }

    @Test
    void entitlementAcceptsBothIdLengths() throws Exception {
        String id18 = SandboxStore.PLATFORM_USER_PROFILE_ID;

        JsonNode by15 = sandbox.json(sandbox.getScim("/Entitlements/" + id18.substring(0, 15)));
        JsonNode by18 = sandbox.json(sandbox.getScim("/Entitlements/" + id18));

        assertThat(by15.path("id").stringValue()).isEqualTo(id18);
        assertThat(by18.path("displayName").stringValue()).isEqualTo("Salesforce Platform User");
    }

    @Test
    void unknownEntitlementGets404() throws Exception {
        assertThat(sandbox.getScim("/Entitlements/00e5g000009Zzzz").getStatus()).isEqualTo(404);
    }

    @Test
    void serviceProviderConfigIsServedOnBothPaths() throws Exception {
        for (String path : new String[] {"/ServiceProviderConfigs", "/ServiceProviderConfig"}) {
            JsonNode config = sandbox.json(sandbox.getScim(path));

            assertThat(config.path("patch").path("supported").booleanValue()).as(path).isTrue();
            assertThat(config.path("filter").path("supported").booleanValue()).as(path).isTrue();
            assertThat(config.path("filter").path("maxResults").intValue()).as(path).isEqualTo(200);
            assertThat(config.path("bulk").path("supported").booleanValue()).as(path).isFalse();
            assertThat(config.path("authenticationSchemes").get(0).path("type").stringValue())
                    .as(path).isEqualTo("oauthbearertoken");
        }
    }

    private static String addMember(String userId) {
        return SandboxFixture.patchBody(
                "[{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + userId + "\"}]}]");
    }
}
