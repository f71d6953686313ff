package dev.grantflow.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM 2.0 endpoints of the sandbox org, shaped like Salesforce's {@code /services/scim/v2}. Every request
 * needs a live bearer token from {@link SandboxTokenController}.
 */
@RestController
@RequestMapping(SandboxScimController.BASE_PATH)
@ConditionalOnProperty(prefix = "grantflow.sandbox", name = "enabled", havingValue = "true")
public class SandboxScimController {

    /** Path of the SCIM API, relative to the servlet context. */
    public static final String BASE_PATH = "/sandbox/salesforce/services/scim/v2";

    private static final Logger log = LoggerFactory.getLogger(SandboxScimController.class);

    private final SandboxStore store;
    private final SandboxUsers users;
    private final SandboxGroups groups;
    private final SandboxScimJson json;
    private final SandboxFaultInjector faults;

    SandboxScimController(SandboxStore store, SandboxUsers users, SandboxGroups groups, JsonMapper mapper) {
        this.store = store;
        this.users = users;
        this.groups = groups;
        this.json = new SandboxScimJson(mapper);
        this.faults = new SandboxFaultInjector(store);
    }

    /** Serves both paths because Salesforce uses the plural and RFC 7644 the singular. */
    @GetMapping({"/ServiceProviderConfigs", "/ServiceProviderConfig"})
    ResponseEntity<byte[]> serviceProviderConfig(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        return call(SandboxOperation.SERVICE_PROVIDER_CONFIG, authorization,
                () -> json.ok(json.serviceProviderConfig(baseUrl(request))));
    }

    @GetMapping("/Users")
    ResponseEntity<byte[]> listUsers(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(required = false) @Nullable String startIndex,
            @RequestParam(required = false) @Nullable String count,
            HttpServletRequest request) {
        return call(SandboxOperation.LIST_USERS, authorization, () -> {
            SandboxUsers.UserPage page = users.list(filter, startIndex, count);
            List<ObjectNode> resources = page.users().stream().map(user -> json.user(user, baseUrl(request))).toList();
            return json.ok(json.listResponse(resources, page.totalResults(), page.startIndex()));
        });
    }

    /** Counts and announces the request under its userName before faults apply, so tests see every attempt. */
    @PostMapping("/Users")
    ResponseEntity<byte[]> createUser(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) byte @Nullable [] body,
            HttpServletRequest request) {
        String userName = json.readUserName(body);
        if (userName != null) {
            store.counters().countCreateUser(userName);
            store.announceCreateRequest(userName);
        }
        return call(SandboxOperation.CREATE_USER, authorization, () -> {
            StoredUser user = users.create(json.parse(body));
            store.counters().countCreatedUser(user.fields().userName());
            String location = baseUrl(request) + "/Users/" + user.id();
            return json.created(json.user(user, baseUrl(request)), location);
        });
    }

    @GetMapping("/Users/{id}")
    ResponseEntity<byte[]> getUser(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String id,
            HttpServletRequest request) {
        return call(SandboxOperation.GET_USER, authorization, () -> json.ok(json.user(users.get(id), baseUrl(request))));
    }

    @PutMapping("/Users/{id}")
    ResponseEntity<byte[]> replaceUser(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String id,
            @RequestBody(required = false) byte @Nullable [] body,
            HttpServletRequest request) {
        return call(SandboxOperation.REPLACE_USER, authorization,
                () -> json.ok(json.user(users.replace(id, json.parse(body)), baseUrl(request))));
    }

    @PatchMapping("/Users/{id}")
    ResponseEntity<byte[]> patchUser(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String id,
            @RequestBody(required = false) byte @Nullable [] body,
            HttpServletRequest request) {
        return call(SandboxOperation.PATCH_USER, authorization,
                () -> json.ok(json.user(users.patch(id, json.parse(body)), baseUrl(request))));
    }

    /** Deactivates the user and responds 204, because Salesforce never deletes users. */
    @DeleteMapping("/Users/{id}")
    ResponseEntity<byte[]> deleteUser(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String id) {
        return call(SandboxOperation.DELETE_USER, authorization, () -> {
            users.deactivate(id);
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping("/Entitlements")
    ResponseEntity<byte[]> listEntitlements(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        return call(SandboxOperation.LIST_ENTITLEMENTS, authorization, () -> {
            List<ObjectNode> resources = store.profiles().stream()
                    .map(profile -> json.entitlement(profile, baseUrl(request)))
                    .toList();
            return json.ok(json.listResponse(resources, resources.size(), 1));
        });
    }

    @GetMapping("/Entitlements/{id}")
    ResponseEntity<byte[]> getEntitlement(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String id,
            HttpServletRequest request) {
        return call(SandboxOperation.GET_ENTITLEMENT, authorization, () -> {
            SandboxProfile profile = store.findProfile(id)
                    .orElseThrow(() -> SandboxScimException.notFound("Entitlement " + id + " not found"));
            return json.ok(json.entitlement(profile, baseUrl(request)));
        });
    }

    @GetMapping("/Groups/{id}")
    ResponseEntity<byte[]> getGroup(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String id,
            HttpServletRequest request) {
        return call(SandboxOperation.GET_GROUP, authorization, () -> {
            SandboxGroup group = groups.get(id);
            return json.ok(json.group(group, groups.members(group), baseUrl(request)));
        });
    }

    @PatchMapping("/Groups/{id}")
    ResponseEntity<byte[]> patchGroup(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String id,
            @RequestBody(required = false) byte @Nullable [] body,
            HttpServletRequest request) {
        return call(SandboxOperation.PATCH_GROUP, authorization, () -> {
            SandboxGroup group = groups.patch(id, json.parse(body));
            return json.ok(json.group(group, groups.members(group), baseUrl(request)));
        });
    }

    /**
     * Runs {@code handler} behind the latency, fault injection and bearer token check, and turns a
     * {@link SandboxScimException} into its ErrorResponse.
     */
    private ResponseEntity<byte[]> call(
            SandboxOperation operation, @Nullable String authorization, Supplier<ResponseEntity<byte[]>> handler) {
        return faults.handle(operation, () -> {
            if (!hasLiveBearerToken(authorization)) {
                log.debug("Rejected sandbox SCIM request without a live access token operation={}", operation);
                return json.invalidSession();
            }
            try {
                return handler.get();
            } catch (SandboxScimException e) {
                log.debug("Rejected sandbox SCIM request operation={} status={} detail={}",
                        operation, e.status(), e.detail());
                return json.error(e);
            }
        });
    }

    private boolean hasLiveBearerToken(@Nullable String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        return store.isLiveAccessToken(authorization.substring(prefix.length()).trim());
    }

    private static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(BASE_PATH).build().toUriString();
    }
}
