package dev.grantflow.provisioning;

import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.CatalogTemplate;
import dev.grantflow.catalog.ConnectionSettings;
import dev.grantflow.provisioning.ConnectionCheck.Result;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Tests an application's draft connection settings before they are published: gets a token, reads the
 * service provider configuration, then reads the profile (Salesforce) or group (generic SCIM) that new
 * users get. Steps after a failed one are skipped. The test uses its own token store and HTTP clients,
 * so the live connection's tokens and call slots stay untouched.
 */
@Service
public class ConnectionTest {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTest.class);
    private static final String CONFIG_STEP = "Read the service provider configuration";

    private final CatalogService catalog;
    private final ScimTargets targets;
    private final ProvisioningProperties properties;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    ConnectionTest(CatalogService catalog, ScimTargets targets, ProvisioningProperties properties) {
        this.catalog = catalog;
        this.targets = targets;
        this.properties = properties;
    }

    /** Starts {@link #run} on a virtual thread as the signed-in admin. */
    public CompletableFuture<List<ConnectionCheck>> start(long applicationId, long actorId,
                                                          Consumer<ConnectionCheck> onCheck) {
        // The wrapper copies the caller's security context into the task. It is created per call because it
        // keeps the holder strategy that is current when it is created, and Vaadin replaces the strategy at start-up.
        Executor asCaller = new DelegatingSecurityContextExecutor(background);
        return CompletableFuture.supplyAsync(() -> run(applicationId, actorId, onCheck), asCaller);
    }

    /**
     * Runs the test against the application's draft and returns every step in order. {@code onCheck}
     * receives each step as soon as it ends. Needs the ADMIN role.
     */
    public List<ConnectionCheck> run(long applicationId, long actorId, Consumer<ConnectionCheck> onCheck) {
        ConnectionSettings settings = catalog.draftConnection(applicationId);
        Checklist checklist = new Checklist(onCheck);
        InMemoryTokenStore tokenStore = new InMemoryTokenStore();
        AtomicReference<ScimTarget> target = new AtomicReference<>();
        TargetKind kind = kindOf(settings);
        try (AccessTokenProvider tokens = new AccessTokenProvider(tokenStore, properties);
             ScimClient client = new ScimClient(properties, tokens)) {
            checklist.run(tokenStep(settings), () -> {
                target.set(buildTarget(settings, tokenStore));
                return obtainToken(settings, target.get(), tokens, tokenStore, actorId);
            }, failure -> ConnectionFixes.token(failure, kind));
            checklist.run(CONFIG_STEP, () -> {
                client.serviceProviderConfig(target.get(), CallListener.NONE);
                return "The SCIM API at " + target.get().baseUri() + " returned its configuration.";
            }, failure -> ConnectionFixes.serviceProviderConfig(failure, kind, settings.oauthEnabled()));
            checklist.run(groupsObjectStep(settings), () -> readGroupsObject(client, target.get()),
                    failure -> ConnectionFixes.groupsObject(failure, kind));
        }
        log.info("Tested connection of application draft, applicationId={} passed={}", applicationId, checklist.passed());
        return checklist.checks();
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private ScimTarget buildTarget(ConnectionSettings settings, InMemoryTokenStore tokenStore) {
        try {
            ScimTarget target = targets.build(settings, ScimTargets.SAVE_THEN_TEST);
            if (settings.oauthEnabled()) {
                tokenStore.putRefreshToken(target.appKey(), targets.apiKey(settings, ScimTargets.SAVE_THEN_TEST));
            }
            return target;
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The target rejects a relative Base URI, and the cipher a secret sealed with another key.
            throw new ProvisioningException(ProvisioningException.Kind.PERMANENT, e.getMessage());
        }
    }

    /**
     * Gets an access token. When the token endpoint rotates the refresh token, the old one stops working, so
     * the new one replaces the draft's API key.
     *
     * <p>NOTE: if the draft's API key is also the live one, a rotation here revokes the live refresh token as
     * well, and provisioning stays on hold until the draft is published.
     */
    private String obtainToken(ConnectionSettings settings, ScimTarget target, AccessTokenProvider tokens,
                               InMemoryTokenStore tokenStore, long actorId) {
        if (!settings.oauthEnabled()) {
            return "Grantflow sends the API key as the bearer token; the next step shows whether the service accepts it.";
        }
        String sent = tokenStore.refreshToken(target.appKey());
        tokens.accessToken(target);
        String current = tokenStore.refreshToken(target.appKey());
        if (current.equals(sent)) {
            return "The token endpoint issued an access token.";
        }
        catalog.setApiKey(settings.applicationId(), current, actorId);
        return "The token endpoint issued an access token and rotated the refresh token. Grantflow stored the new "
                + "refresh token in the draft; publish to make it live.";
    }

    private static String readGroupsObject(ScimClient client, ScimTarget target) {
        boolean salesforce = target.kind() == TargetKind.SALESFORCE;
        JsonNode found = salesforce
                ? client.entitlement(target, target.groupsObjectId(), CallListener.NONE)
                : client.group(target, target.groupsObjectId(), CallListener.NONE);
        String name = found.path("displayName").asString("");
        return "Found " + (salesforce ? "profile " : "group ") + target.groupsObjectId()
                + (name.isBlank() ? "." : " (" + name + ").");
    }

    private static TargetKind kindOf(ConnectionSettings settings) {
        return settings.template() == CatalogTemplate.SALESFORCE ? TargetKind.SALESFORCE : TargetKind.GENERIC_SCIM;
    }

    private static String tokenStep(ConnectionSettings settings) {
        return settings.oauthEnabled() ? "Get an access token from the token URL" : "Use the API key as the bearer token";
    }

    private static String groupsObjectStep(ConnectionSettings settings) {
        String id = settings.groupsObjectId() == null ? "" : " " + settings.groupsObjectId();
        return kindOf(settings) == TargetKind.SALESFORCE ? "Read profile" + id : "Read group" + id;
    }

    /** The steps so far. After the first failure, it skips the remaining steps instead of running them. */
    private static final class Checklist {

        private final List<ConnectionCheck> checks = new ArrayList<>();
        private final Consumer<ConnectionCheck> onCheck;
        private boolean failed;

        Checklist(Consumer<ConnectionCheck> onCheck) {
            this.onCheck = onCheck;
        }

        void run(String name, Supplier<String> step, Function<ProvisioningException, String> fix) {
            if (failed) {
                add(ConnectionCheck.skipped(name));
                return;
            }
            long started = System.nanoTime();
            try {
                String detail = step.get();
                add(new ConnectionCheck(name, Result.PASSED, elapsedSince(started), detail, null));
            } catch (ProvisioningException e) {
                failed = true;
                add(new ConnectionCheck(name, Result.FAILED, elapsedSince(started), e.getMessage(), fix.apply(e)));
            }
        }

        boolean passed() {
            return !failed;
        }

        List<ConnectionCheck> checks() {
            return List.copyOf(checks);
        }

        private void add(ConnectionCheck check) {
            checks.add(check);
            onCheck.accept(check);
        }

        private static Duration elapsedSince(long started) {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
