package dev.grantflow.provisioning.scimmy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import dev.grantflow.provisioning.AccessTokenProvider;
import dev.grantflow.provisioning.CallListener;
import dev.grantflow.provisioning.CallRecord;
import dev.grantflow.provisioning.Credentials;
import dev.grantflow.provisioning.InMemoryTokenStore;
import dev.grantflow.provisioning.ProvisionedAccount;
import dev.grantflow.provisioning.ProvisionedAccount.Outcome;
import dev.grantflow.provisioning.ProvisioningException;
import dev.grantflow.provisioning.ProvisioningException.Kind;
import dev.grantflow.provisioning.ProvisioningProperties;
import dev.grantflow.provisioning.ScimClient;
import dev.grantflow.provisioning.ScimProvisioner;
import dev.grantflow.provisioning.ScimTarget;
import dev.grantflow.provisioning.ScimUserSpec;
import dev.grantflow.provisioning.TargetKind;

/**
 * Provisions with Grantflow's SCIM client into SCIMMY, a SCIM 2.0 server library by other authors, and checks
 * the result through SCIMMY's own endpoints. The server lives for the whole class, so each test uses its own
 * userNames and group.
 */
class ScimmyProvisioningTest {

    @RegisterExtension
    static final ScimmyServer scimmy = new ScimmyServer();

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final List<CallRecord> calls = new CopyOnWriteArrayList<>();
    private final CallListener listener = calls::add;

    private ScimmyApi api;
    private AccessTokenProvider tokens;
    private ScimClient client;
    private ScimProvisioner provisioner;
    private String groupId;
    private ScimTarget target;

    @BeforeEach
    void createClients() {
        api = new ScimmyApi(scimmy.baseUri(), scimmy.token());
        groupId = api.createGroup("grantflow-test-" + SEQUENCE.incrementAndGet());
        target = target(groupId, scimmy.token());
        // A generous read timeout, so that a loaded build machine does not turn slow responses into failures.
        ProvisioningProperties properties = new ProvisioningProperties(Duration.ofSeconds(5), Duration.ofSeconds(20),
                null, null, null);
        tokens = new AccessTokenProvider(new InMemoryTokenStore(), properties);
        client = new ScimClient(properties, tokens);
        provisioner = new ScimProvisioner(client);
    }

    @AfterEach
    void closeClients() {
        client.close();
        tokens.close();
        api.close();
    }

    @Test
    void newUserIsCreatedAndJoinsGroup() {
        ScimUserSpec person = person("alice");

        ProvisionedAccount account = provisioner.provision(target, person, listener);

        JsonNode stored = api.user(account.scimUserId());
        assertThat(account.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(stored.path("userName").asString()).isEqualTo(person.userName());
        assertThat(stored.path("active").asBoolean()).isTrue();
        assertThat(stored.path("emails").path(0).path("value").asString()).isEqualTo(person.email());
        assertThat(stored.path("name").path("familyName").asString()).isEqualTo(person.familyName());
        assertThat(stored.path("displayName").asString()).isEqualTo(person.displayName());
        assertThat(api.memberIds(groupId)).containsExactly(account.scimUserId());
    }

    @Test
    void activeUserIsLinkedAndJoinsGroup() {
        ScimUserSpec person = person("bruno");
        String existingId = api.createUser(person.userName(), true).path("id").asString();

        ProvisionedAccount account = provisioner.provision(target, person, listener);

        assertThat(account).isEqualTo(new ProvisionedAccount(existingId, Outcome.LINKED));
        assertThat(api.usersNamed(person.userName())).hasSize(1);
        assertThat(api.memberIds(groupId)).containsExactly(existingId);
        assertThat(calls).noneMatch(call -> call.method().equals("POST"));
    }

    @Test
    void repeatedProvisioningKeepsOneMembership() {
        ScimUserSpec person = person("carla");
        ProvisionedAccount first = provisioner.provision(target, person, listener);

        ProvisionedAccount second = provisioner.provision(target, person, listener);

        assertThat(second).isEqualTo(new ProvisionedAccount(first.scimUserId(), Outcome.LINKED));
        assertThat(api.usersNamed(person.userName())).hasSize(1);
        assertThat(api.memberIds(groupId)).containsExactly(first.scimUserId());
    }

    @Test
    void inactiveUserIsReactivated() {
        ScimUserSpec person = person("dmitri");
        String existingId = api.createUser(person.userName(), false).path("id").asString();

        ProvisionedAccount account = provisioner.provision(target, person, listener);

        assertThat(account).isEqualTo(new ProvisionedAccount(existingId, Outcome.REACTIVATED));
        assertThat(api.user(existingId).path("active").asBoolean()).isTrue();
        assertThat(api.memberIds(groupId)).containsExactly(existingId);
    }

    @Test
    void createConflictLinksConcurrentUser() {
        ScimUserSpec person = person("erin");
        // Creates the user right after Grantflow's first search, as a concurrent run would, so that Grantflow's
        // POST meets SCIMMY's 409 uniqueness error.
        AtomicReference<String> concurrentId = new AtomicReference<>();
        CallListener createAfterFirstSearch = call -> {
            calls.add(call);
            if (call.method().equals("GET") && concurrentId.get() == null) {
                concurrentId.set(api.createUser(person.userName(), true).path("id").asString());
            }
        };

        ProvisionedAccount account = provisioner.provision(target, person, createAfterFirstSearch);

        CallRecord create = calls.stream().filter(call -> call.method().equals("POST")).findFirst().orElseThrow();
        assertThat(account).isEqualTo(new ProvisionedAccount(concurrentId.get(), Outcome.LINKED));
        assertThat(create.status()).isEqualTo(409);
        assertThat(create.errorCode()).isEqualTo("uniqueness");
        assertThat(api.usersNamed(person.userName())).hasSize(1);
        assertThat(api.memberIds(groupId)).containsExactly(concurrentId.get());
    }

    @Test
    void wrongTokenIsAuthorizationFailure() {
        ScimUserSpec person = person("farid");
        ScimTarget wrongToken = target(groupId, "not-the-" + scimmy.token());

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> provisioner.provision(wrongToken, person, listener));

        assertThat(failure.kind()).isEqualTo(Kind.AUTHORIZATION);
        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(api.usersNamed(person.userName())).isEmpty();
    }

    @Test
    void unknownGroupIsPermanent() {
        ScimTarget unknownGroup = target(UUID.randomUUID().toString(), scimmy.token());

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> provisioner.provision(unknownGroup, person("gita"), listener));

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.httpStatus()).isEqualTo(404);
    }

    @Test
    void deactivateMakesUserInactive() {
        ProvisionedAccount account = provisioner.provision(target, person("hana"), listener);

        provisioner.deactivate(target, account.scimUserId(), listener);

        assertThat(api.user(account.scimUserId()).path("active").asBoolean()).isFalse();
    }

    @Test
    void deactivatedUserIsReactivated() {
        ScimUserSpec person = person("ivan");
        ProvisionedAccount first = provisioner.provision(target, person, listener);
        provisioner.deactivate(target, first.scimUserId(), listener);

        ProvisionedAccount second = provisioner.provision(target, person, listener);

        assertThat(second).isEqualTo(new ProvisionedAccount(first.scimUserId(), Outcome.REACTIVATED));
        assertThat(api.user(first.scimUserId()).path("active").asBoolean()).isTrue();
    }

    @Test
    void removeFromGroupEndsMembership() {
        ScimUserSpec person = person("jonas");
        ProvisionedAccount account = provisioner.provision(target, person, listener);

        provisioner.removeFromGroup(target, account.scimUserId(), listener);

        assertThat(api.memberIds(groupId)).doesNotContain(account.scimUserId());
        assertThat(api.user(account.scimUserId()).path("active").asBoolean()).isTrue();
    }

    @Test
    void joiningGroupKeepsOtherMembers() {
        String otherId = api.createUser(person("kemal").userName(), true).path("id").asString();
        String sharedGroupId = api.createGroup("grantflow-shared-" + SEQUENCE.incrementAndGet(), otherId);

        ProvisionedAccount account = provisioner.provision(target(sharedGroupId, scimmy.token()), person("lena"),
                listener);

        assertThat(api.memberIds(sharedGroupId)).containsExactlyInAnyOrder(otherId, account.scimUserId());
    }

    @Test
    void removeFromGroupKeepsOtherMembers() {
        String otherId = api.createUser(person("mona").userName(), true).path("id").asString();
        String leavingId = api.createUser(person("nils").userName(), true).path("id").asString();
        String sharedGroupId = api.createGroup("grantflow-shared-" + SEQUENCE.incrementAndGet(), otherId, leavingId);

        provisioner.removeFromGroup(target(sharedGroupId, scimmy.token()), leavingId, listener);

        assertThat(api.memberIds(sharedGroupId)).containsExactly(otherId);
    }

    @Test
    void userNameWithUrlCharactersRoundTrips() {
        ScimUserSpec person = personNamed("o'neil+ops&team=a%20b#c/d." + SEQUENCE.incrementAndGet() + "@example.com");
        ProvisionedAccount first = provisioner.provision(target, person, listener);

        ProvisionedAccount second = provisioner.provision(target, person, listener);

        assertThat(api.user(first.scimUserId()).path("userName").asString()).isEqualTo(person.userName());
        assertThat(second).isEqualTo(new ProvisionedAccount(first.scimUserId(), Outcome.LINKED));
        assertThat(api.usersNamed(person.userName())).hasSize(1);
    }

    // NOTE: RFC 7644 section 3.4.2.2 takes filter strings from JSON, so Grantflow sends a"b\c as "a\"b\\c".
    // SCIMMY 1.3.5's filter lexer ends the string at the first quote, even after a backslash, and rejects the rest
    // with 400 invalidFilter. Once SCIMMY parses escapes, this case should link on the second run as above.
    @Test
    void userNameWithQuoteIsRejected() {
        ScimUserSpec person = personNamed("a\"b\\c." + SEQUENCE.incrementAndGet() + "@example.com");

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> provisioner.provision(target, person, listener));

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.errorCode()).isEqualTo("invalidFilter");
        assertThat(api.usersNamed(person.userName())).isEmpty();
    }

    // NOTE: SCIMMY 1.3.5 compares the filter value a\\b with its escape still in place, so the search never finds
    // a userName that contains a backslash. The uniqueness check in server.mjs then rejects the second create with
    // 409, and Grantflow fails permanently instead of creating a duplicate.
    @Test
    void userNameWithBackslashIsNotFound() {
        ScimUserSpec person = personNamed("a\\b." + SEQUENCE.incrementAndGet() + "@example.com");
        ProvisionedAccount first = provisioner.provision(target, person, listener);

        ProvisioningException failure = catchThrowableOfType(ProvisioningException.class,
                () -> provisioner.provision(target, person, listener));

        assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(api.user(first.scimUserId()).path("userName").asString()).isEqualTo(person.userName());
        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.httpStatus()).isEqualTo(409);
        assertThat(failure.getMessage()).contains("a search does not find the user");
        assertThat(api.usersNamed(person.userName())).hasSize(1);
    }

    @Test
    void serviceProviderConfigIsRead() {
        JsonNode config = client.serviceProviderConfig(target, listener);

        assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(config.path("filter").path("supported").asBoolean()).isTrue();
    }

    @Test
    void groupIsReadWithoutMembers() {
        provisioner.provision(target, person("olga"), listener);

        JsonNode group = client.group(target, groupId, listener);

        assertThat(group.path("id").asString()).isEqualTo(groupId);
        assertThat(group.has("members")).isFalse();
    }

    private static ScimTarget target(String groupId, String token) {
        return new ScimTarget("scimmy-test", TargetKind.GENERIC_SCIM, scimmy.baseUri(), groupId,
                new Credentials.StaticBearer(token));
    }

    /** Returns a person whose userName and email are unique within the server's lifetime. */
    private static ScimUserSpec person(String givenName) {
        String userName = givenName + "." + SEQUENCE.incrementAndGet() + "@example.com";
        return new ScimUserSpec(userName, givenName, "Tester", givenName + " Tester", userName);
    }

    private static ScimUserSpec personNamed(String userName) {
        return new ScimUserSpec(userName, "Test", "Tester", "Test Tester", userName);
    }
}
