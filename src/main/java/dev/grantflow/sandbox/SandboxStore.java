package dev.grantflow.sandbox;

import dev.grantflow.catalog.SalesforceIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * In-memory state of the sandbox org: users, profiles, groups and tokens, plus request counters,
 * injected faults and added latency for tests and benchmarks. Thread-safe.
 */
@Component
@ConditionalOnProperty(prefix = "grantflow.sandbox", name = "enabled", havingValue = "true")
public class SandboxStore {

    /** 18-character id of the sandbox org. */
    public static final String ORG_ID = SalesforceIds.to18("00D5g000004GrFl");
    /** 18-character id of the integration user that the issued tokens act as, which SCIM does not list. */
    public static final String API_USER_ID = SalesforceIds.to18("0055g00000ApIuS");
    public static final String STANDARD_USER_PROFILE_ID = SalesforceIds.to18("00e5g000001AbCd");
    public static final String PLATFORM_USER_PROFILE_ID = SalesforceIds.to18("00e5g000001PlAt");
    public static final String SYSTEM_ADMINISTRATOR_PROFILE_ID = SalesforceIds.to18("00e5g000001SyAd");
    public static final String SALES_GROUP_ID = SalesforceIds.to18("00G5g000000SaLe");
    public static final String SUPPORT_GROUP_ID = SalesforceIds.to18("00G5g000000SuPp");

    private static final List<SandboxProfile> PROFILES = List.of(
            new SandboxProfile(STANDARD_USER_PROFILE_ID, "Standard User"),
            new SandboxProfile(PLATFORM_USER_PROFILE_ID, "Salesforce Platform User"),
            new SandboxProfile(SYSTEM_ADMINISTRATOR_PROFILE_ID, "System Administrator"));

    private static final Logger log = LoggerFactory.getLogger(SandboxStore.class);

    private final SandboxProperties properties;
    private final Clock clock;
    private final SandboxTokens tokens = new SandboxTokens(ORG_ID.substring(0, 15));
    private final SandboxAuthorizationCodes authorizationCodes = new SandboxAuthorizationCodes();
    private final SandboxFaultQueue faults = new SandboxFaultQueue();
    private final Map<String, StoredUser> users = new LinkedHashMap<>(); // guarded by this
    // Ids by lower-case userName, so lookups and the uniqueness check stay fast with thousands of users.
    private final Map<String, String> userIdsByUserName = new HashMap<>(); // guarded by this
    private final Map<String, SandboxGroup> groups = new LinkedHashMap<>(); // guarded by this
    private final SandboxCounters counters = new SandboxCounters();
    private final SandboxUserIds userIds = new SandboxUserIds();
    private volatile Duration latency = Duration.ZERO;
    private volatile @Nullable Boolean rotateRefreshTokens;
    private volatile @Nullable Consumer<String> createListener;

    @Autowired
    public SandboxStore(SandboxProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SandboxStore(SandboxProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        reset();
    }

    /** Returns a snapshot of all users in creation order, deactivated ones included. */
    public synchronized List<SandboxUser> users() {
        return users.values().stream().map(StoredUser::toSandboxUser).toList();
    }

    public List<SandboxProfile> profiles() {
        return PROFILES;
    }

    /** Returns the number of POST /Users requests for {@code userName}, ignoring case, rejected and faulted ones included. */
    public int createUserCount(String userName) {
        return counters.createUserCount(userName);
    }

    /** Returns the number of users that POST /Users created for {@code userName}, ignoring case. */
    public int createdUserCount(String userName) {
        return counters.createdUserCount(userName);
    }

    /** Returns the number of requests to the token endpoint, rejected and faulted ones included. */
    public int tokenRefreshCount() {
        return counters.requestCount(SandboxOperation.TOKEN);
    }

    /** Returns the number of requests of kind {@code operation}, rejected and faulted ones included. */
    public int requestCount(SandboxOperation operation) {
        return counters.requestCount(operation);
    }

    /** Queues faults for the next matching requests, after any faults already queued. */
    public void injectFaults(SandboxFault... injected) {
        faults.add(injected);
        log.info("Injected sandbox faults count={}", injected.length);
    }

    /** Invalidates every issued access token, so the next SCIM request gets 401 INVALID_SESSION_ID. */
    public void expireAllAccessTokens() {
        tokens.expireAccessTokens();
        log.info("Expired all sandbox access tokens");
    }

    /** Invalidates every refresh token, so the next refresh gets invalid_grant. */
    public void revokeRefreshTokens() {
        tokens.revokeRefreshTokens();
        log.info("Revoked all sandbox refresh tokens");
    }

    /** Makes {@code refreshToken} the only valid refresh token. */
    public void setRefreshToken(String refreshToken) {
        tokens.replaceRefreshTokens(refreshToken);
    }

    /** Sets the time that every request waits before it is handled, zero to disable. */
    public void setLatency(Duration newLatency) {
        if (newLatency.isNegative()) {
            throw new IllegalArgumentException("Sandbox latency must not be negative, got " + newLatency);
        }
        latency = newLatency;
    }

    public Duration latency() {
        return latency;
    }

    /**
     * Sets the callback that receives the userName of every POST /Users request as it arrives, before latency,
     * faults and the token check apply, so benchmarks can time its arrival. Null removes it; {@link #reset()}
     * keeps it. The callback runs on the request thread and must return quickly.
     */
    public void setCreateListener(@Nullable Consumer<String> listener) {
        createListener = listener;
    }

    /** Turns refresh-token rotation on or off until the next reset, overriding the configured setting. */
    public void setRotateRefreshTokens(boolean rotate) {
        rotateRefreshTokens = rotate;
    }

    /** Returns every access and refresh token the sandbox issued (the first 10,000), for leak scans in tests. */
    public Set<String> issuedSecrets() {
        return tokens.issuedSecrets();
    }

    /**
     * Restores the startup state: no users, groups without members, only the configured refresh token, no
     * access tokens, authorization codes, faults, counters or latency. User ids keep counting up, so an id is
     * never reused.
     */
    public synchronized void reset() {
        users.clear();
        userIdsByUserName.clear();
        groups.clear();
        groups.put(SALES_GROUP_ID, new SandboxGroup(SALES_GROUP_ID, "Sales", List.of()));
        groups.put(SUPPORT_GROUP_ID, new SandboxGroup(SUPPORT_GROUP_ID, "Support", List.of()));
        tokens.expireAccessTokens();
        tokens.replaceRefreshTokens(properties.refreshToken());
        authorizationCodes.clear();
        faults.clear();
        counters.clear();
        latency = Duration.ZERO;
        rotateRefreshTokens = null;
        log.info("Reset sandbox state orgId={}", ORG_ID);
    }

    SandboxProperties properties() {
        return properties;
    }

    /** Returns the current time truncated to milliseconds, the precision of the sandbox's SCIM timestamps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    SandboxCounters counters() {
        return counters;
    }

    void announceCreateRequest(String userName) {
        Consumer<String> listener = createListener;
        if (listener != null) {
            listener.accept(userName);
        }
    }

    Optional<SandboxFault.Effect> takeFault(SandboxOperation operation) {
        return faults.take(operation);
    }

    String issueAccessToken() {
        return tokens.issueAccessToken(now(), properties.accessTokenLifetime());
    }

    boolean isLiveAccessToken(String token) {
        return tokens.isLiveAccessToken(token, now());
    }

    /** Exchanges a refresh token for a new access token, rotating it when configured. Empty when it is not valid. */
    Optional<SandboxIssuedToken> refresh(String refreshToken) {
        Boolean override = rotateRefreshTokens;
        boolean rotate = override != null ? override : properties.rotateRefreshTokens();
        return Optional.ofNullable(tokens.refresh(refreshToken, rotate, now(), properties.accessTokenLifetime()));
    }

    SandboxAuthorizationCodes authorizationCodes() {
        return authorizationCodes;
    }

    /** Issues an access token for a redeemed authorization code, with a new refresh token when one was asked for. */
    SandboxIssuedToken issueForCode(boolean withRefreshToken) {
        String refreshToken = withRefreshToken ? tokens.issueRefreshToken() : null;
        return new SandboxIssuedToken(issueAccessToken(), refreshToken, now());
    }

    /** Returns the profile whose 15- or 18-character id names the same record as {@code id}. */
    Optional<SandboxProfile> findProfile(String id) {
        String canonical = SandboxUserIds.canonicalId(id);
        if (canonical == null) {
            return Optional.empty();
        }
        return PROFILES.stream().filter(profile -> SalesforceIds.sameRecord(profile.id(), canonical)).findFirst();
    }

    synchronized Optional<StoredUser> findUser(String id) {
        String canonical = SandboxUserIds.canonicalId(id);
        return canonical == null ? Optional.empty() : Optional.ofNullable(users.get(canonical));
    }

    synchronized List<StoredUser> storedUsers() {
        return new ArrayList<>(users.values());
    }

    /** Returns the user whose userName equals {@code userName}, ignoring case. There is at most one. */
    synchronized Optional<StoredUser> findUserByUserName(String userName) {
        String id = userIdsByUserName.get(userNameKey(userName));
        return id == null ? Optional.empty() : Optional.ofNullable(users.get(id));
    }

    /** Adds a user with a new id. Throws 409 uniqueness when the userName is taken here or in another org. */
    synchronized StoredUser createUser(SandboxUserFields fields) {
        requireUniqueUserName(fields.userName(), null);
        Instant created = now();
        StoredUser user = new StoredUser(userIds.next(), fields, created, created, 1);
        users.put(user.id(), user);
        userIdsByUserName.put(userNameKey(fields.userName()), user.id());
        log.info("Created sandbox user id={} userName={}", user.id(), fields.userName());
        return user;
    }

    /**
     * Replaces the fields of user {@code id} with {@code change} applied to them, in one step. Throws 404 when
     * the user does not exist and 409 uniqueness when the new userName is taken.
     */
    synchronized StoredUser updateUser(String id, UnaryOperator<SandboxUserFields> change) {
        StoredUser current = findUser(id).orElseThrow(() -> userNotFound(id));
        SandboxUserFields fields = change.apply(current.fields());
        requireUniqueUserName(fields.userName(), current.id());
        StoredUser updated = new StoredUser(current.id(), fields, current.created(), now(), current.version() + 1);
        users.put(updated.id(), updated);
        userIdsByUserName.remove(userNameKey(current.fields().userName()));
        userIdsByUserName.put(userNameKey(fields.userName()), updated.id());
        log.info("Updated sandbox user id={} active={}", updated.id(), fields.active());
        return updated;
    }

    synchronized Optional<SandboxGroup> findGroup(String id) {
        String canonical = SandboxUserIds.canonicalId(id);
        return canonical == null ? Optional.empty() : Optional.ofNullable(groups.get(canonical));
    }

    /** Replaces group {@code id} with {@code change} applied to it, in one step. Throws 404 when it does not exist. */
    synchronized SandboxGroup updateGroup(String id, UnaryOperator<SandboxGroup> change) {
        SandboxGroup current = findGroup(id)
                .orElseThrow(() -> SandboxScimException.notFound("Group " + id + " not found"));
        SandboxGroup updated = change.apply(current);
        groups.put(updated.id(), updated);
        log.info("Updated sandbox group id={} members={}", updated.id(), updated.memberIds().size());
        return updated;
    }

    static SandboxScimException userNotFound(String id) {
        return SandboxScimException.notFound("User " + id + " not found");
    }

    private void requireUniqueUserName(String userName, @Nullable String exceptId) {
        String holderId = userIdsByUserName.get(userNameKey(userName));
        boolean takenHere = holderId != null && !holderId.equals(exceptId);
        if (takenHere || isTakenElsewhere(userName, properties.takenUserNames())) {
            throw SandboxScimException.uniqueness("DUPLICATE_USERNAME: userName " + userName
                    + " already exists in this or another Salesforce org. Usernames are unique across all orgs, "
                    + "so choose another one.");
        }
    }

    private static String userNameKey(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }

    private static boolean isTakenElsewhere(String userName, Collection<String> takenUserNames) {
        return takenUserNames.stream().anyMatch(taken -> taken.equalsIgnoreCase(userName));
    }
}
