package dev.grantflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grantflow.catalog.SalesforceIds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxStoreTest {

    private final SandboxFixture sandbox = SandboxFixture.create();

    @Test
    void seededIdsHaveValidChecksums() {
        List<String> ids = List.of(
                SandboxStore.ORG_ID,
                SandboxStore.API_USER_ID,
                SandboxStore.STANDARD_USER_PROFILE_ID,
                SandboxStore.PLATFORM_USER_PROFILE_ID,
                SandboxStore.SYSTEM_ADMINISTRATOR_PROFILE_ID,
                SandboxStore.SALES_GROUP_ID,
                SandboxStore.SUPPORT_GROUP_ID);

        for (String id : ids) {
            assertThat(id).as(id).hasSize(18);
            assertThat(SalesforceIds.hasValidChecksum(id)).as(id).isTrue();
        }
    }

    @Test
    void seededProfilesUseProfilePrefix() {
        for (SandboxProfile profile : sandbox.store.profiles()) {
            assertThat(profile.id()).as(profile.name()).startsWith(SalesforceIds.PROFILE_PREFIX);
        }
    }

    @Test
    void newUserIdsAreDistinctWithValidChecksums() {
        SandboxUserIds ids = new SandboxUserIds();

        String first = ids.next();
        String second = ids.next();

        assertThat(first).isNotEqualTo(second);
        assertThat(first).startsWith("005").hasSize(18);
        assertThat(SalesforceIds.hasValidChecksum(first)).isTrue();
        assertThat(SalesforceIds.hasValidChecksum(second)).isTrue();
    }

    @Test
    void canonicalIdRejectsMalformedIds() {
        String valid = SandboxStore.STANDARD_USER_PROFILE_ID;

        assertThat(SandboxUserIds.canonicalId(valid.substring(0, 15))).isEqualTo(valid);
        assertThat(SandboxUserIds.canonicalId(valid.substring(0, 15) + valid.substring(15).toLowerCase())).isEqualTo(valid);
        assertThat(SandboxUserIds.canonicalId(valid.substring(0, 15) + "ZZZ")).isNull();
        assertThat(SandboxUserIds.canonicalId("00e5g000001AbC")).isNull();
        assertThat(SandboxUserIds.canonicalId("00e5g000001Ab-d")).isNull();
    }

    @Test
    void resetRemovesUsersAndRestoresRefreshToken() throws Exception {
        sandbox.createUser("alice@example.com");
        sandbox.store.revokeRefreshTokens();

        sandbox.store.reset();

        assertThat(sandbox.store.users()).isEmpty();
        assertThat(sandbox.store.createUserCount("alice@example.com")).isZero();
        assertThat(sandbox.refresh(SandboxFixture.REFRESH_TOKEN).getStatus()).isEqualTo(200);
    }

    @Test
    void resetEmptiesGroupsAndKeepsThem() throws Exception {
        String userId = sandbox.createUser("alice@example.com");
        sandbox.patchScim("/Groups/" + SandboxStore.SALES_GROUP_ID, SandboxFixture.patchBody(
                "[{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + userId + "\"}]}]"));

        sandbox.store.reset();

        assertThat(sandbox.store.findGroup(SandboxStore.SALES_GROUP_ID).orElseThrow().memberIds()).isEmpty();
    }

    @Test
    void userIdsAreNotReusedAfterReset() throws Exception {
        String before = sandbox.createUser("alice@example.com");
        sandbox.store.reset();

        String after = sandbox.createUser("alice@example.com");

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void negativeLatencyIsRejected() {
        assertThatThrownBy(() -> sandbox.store.setLatency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.001");
    }

    @Test
    void faultNeedsAtLeastOneUse() {
        SandboxFault fault = SandboxFault.serviceUnavailable(SandboxOperation.TOKEN);

        assertThatThrownBy(() -> fault.times(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scimAnyMatchesScimButNotToken() {
        assertThat(SandboxOperation.SCIM_ANY.matches(SandboxOperation.CREATE_USER)).isTrue();
        assertThat(SandboxOperation.SCIM_ANY.matches(SandboxOperation.TOKEN)).isFalse();
        assertThat(SandboxOperation.CREATE_USER.matches(SandboxOperation.PATCH_USER)).isFalse();
    }
}
