package dev.grantflow.provisioning;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.grantflow.provisioning.PatchRequest.Operation;
import dev.grantflow.provisioning.ScimResponses.Attempt;

/**
 * SCIM 2.0 client for Salesforce and generic SCIM apps. Every call adds the bearer token, retries once with a
 * refreshed token after a 401, reads at most {@code maxResponseSize} of the body, waits for one of
 * {@code maxConcurrentCallsPerApp} slots of its app, and reports a {@link CallRecord} to the caller's listener.
 * Failures are thrown as {@link ProvisioningException}s, classified by {@link ScimErrors}.
 */
public class ScimClient implements AutoCloseable {

    /** Media type of SCIM messages (RFC 7644, section 8.1). */
    public static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

    private static final Logger log = LoggerFactory.getLogger(ScimClient.class);

    private final ProvisioningProperties properties;
    private final AccessTokenProvider tokens;
    private final Clock clock;
    private final HttpClient httpClient;
    private final RestClient restClient;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final JavaType userList = mapper.getTypeFactory().constructParametricType(ListResponse.class,
            UserResource.class);
    private final CallSlots callSlots;

    public ScimClient(ProvisioningProperties properties, AccessTokenProvider tokens) {
        this(properties, tokens, Clock.systemUTC());
    }

    public ScimClient(ProvisioningProperties properties, AccessTokenProvider tokens, Clock clock) {
        this.properties = properties;
        this.tokens = tokens;
        this.clock = clock;
        this.callSlots = new CallSlots(properties.maxConcurrentCallsPerApp(), properties.readTimeout());
        this.httpClient = HttpSetup.httpClient(properties);
        this.restClient = RestClient.builder()
                .requestFactory(HttpSetup.requestFactory(httpClient, properties))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new ByteArrayHttpMessageConverter());
                })
                .requestInterceptor(new ResponseSizeLimit(properties.maxResponseSize()))
                .build();
    }

    /** Finds the user whose userName equals {@code userName}, compared without case as RFC 7643 defines. */
    public Optional<UserResource> findUserByUserName(ScimTarget target, String userName, CallListener listener) {
        String query = "filter=" + URLEncoder.encode(userNameFilter(userName), StandardCharsets.UTF_8)
                .replace("+", "%20");
        ScimRequest request = new ScimRequest(HttpMethod.GET, "/Users", query, null);
        ListResponse<UserResource> list = read(target, request, call(target, request, listener), userList);
        // Also guards against apps that ignore the filter and return other users.
        return list.resourcesOrEmpty().stream()
                .filter(user -> userName.equalsIgnoreCase(user.userName()))
                .findFirst();
    }

    public UserResource createUser(ScimTarget target, UserResource user, CallListener listener) {
        ScimRequest request = new ScimRequest(HttpMethod.POST, "/Users", null, user);
        return read(target, request, call(target, request, listener), type(UserResource.class));
    }

    public UserResource getUser(ScimTarget target, String id, CallListener listener) {
        ScimRequest request = new ScimRequest(HttpMethod.GET, "/Users/" + ScimRequest.segment(id), null, null);
        return read(target, request, call(target, request, listener), type(UserResource.class));
    }

    /** Applies {@code patch} to the user and returns the updated user, reading it again if the app sent none. */
    public UserResource patchUser(ScimTarget target, String id, PatchRequest patch, CallListener listener) {
        ScimRequest request = new ScimRequest(HttpMethod.PATCH, "/Users/" + ScimRequest.segment(id), null, patch);
        Attempt patched = call(target, request, listener);
        if (patched.body() == null) {
            return getUser(target, id, listener);
        }
        return read(target, request, patched, type(UserResource.class));
    }

    public void addGroupMember(ScimTarget target, String groupId, String userId, CallListener listener) {
        Operation add = Operation.add("members", List.of(Map.of("value", userId)));
        call(target, groupPatch(groupId, PatchRequest.of(add)), listener);
    }

    public void removeGroupMember(ScimTarget target, String groupId, String userId, CallListener listener) {
        Operation remove = Operation.remove("members[value eq " + quote(userId) + "]");
        call(target, groupPatch(groupId, PatchRequest.of(remove)), listener);
    }

    /** Reads the service provider configuration from the endpoint that the target's kind serves. */
    public JsonNode serviceProviderConfig(ScimTarget target, CallListener listener) {
        // Salesforce serves the SCIM 1.1 name, while RFC 7644 names the endpoint in the singular.
        String path = target.kind() == TargetKind.SALESFORCE
                ? "/ServiceProviderConfigs"
                : "/ServiceProviderConfig";
        return requireBody(target, new ScimRequest(HttpMethod.GET, path, null, null), listener);
    }

    public JsonNode entitlement(ScimTarget target, String id, CallListener listener) {
        String path = "/Entitlements/" + ScimRequest.segment(id);
        return requireBody(target, new ScimRequest(HttpMethod.GET, path, null, null), listener);
    }

    /** Reads the group without its members, which can be too many to transfer. */
    public JsonNode group(ScimTarget target, String id, CallListener listener) {
        ScimRequest request = new ScimRequest(HttpMethod.GET, "/Groups/" + ScimRequest.segment(id),
                "excludedAttributes=members", null);
        return requireBody(target, request, listener);
    }

    @Override
    public void close() {
        httpClient.shutdown();
    }

    /** Returns the SCIM filter that matches {@code userName} exactly, quoted as RFC 7644 section 3.4.2.2 defines. */
    static String userNameFilter(String userName) {
        return "userName eq " + quote(userName);
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // No excludedAttributes=members here, although RFC 7644 lets it shape only the response: SCIMMY 1.3.5
    // applies the patch to the group as read without members, which drops every other member.
    // NOTE: a server that returns the whole group in response to a membership PATCH can exceed max-response-size for
    // very large groups; the call then fails as transient.
    private static ScimRequest groupPatch(String groupId, PatchRequest patch) {
        String path = "/Groups/" + ScimRequest.segment(groupId);
        return new ScimRequest(HttpMethod.PATCH, path, null, patch);
    }

    private JsonNode requireBody(ScimTarget target, ScimRequest request, CallListener listener) {
        Attempt success = call(target, request, listener);
        JsonNode body = success.body();
        if (body == null) {
            throw ScimErrors.unexpectedJson(target, request.operation(), success.status(), "resource",
                    new IllegalStateException("empty body"));
        }
        return body;
    }

    /** Sends the request, retrying once with a refreshed token after a 401, and returns the successful attempt. */
    private Attempt call(ScimTarget target, ScimRequest request, CallListener listener) {
        URI uri = request.uri(target);
        byte[] payload = request.body() == null ? null : mapper.writeValueAsBytes(request.body());
        String token = tokens.accessToken(target, listener);
        Attempt first = attempt(target, request, uri, payload, token, listener);
        if (first.status() != 401) {
            return first.orThrow();
        }
        log.info("Retrying SCIM call with a refreshed token after HTTP 401 appKey={} method={}",
                target.appKey(), request.method());
        String freshToken = tokens.refreshAfterRejection(target, token, listener);
        Attempt retry = attempt(target, request, uri, payload, freshToken, listener);
        if (retry.status() == 401 && retry.failure() != null) {
            throw ScimErrors.freshTokenRejected(target, request.operation(), retry.failure());
        }
        return retry.orThrow();
    }

    private Attempt attempt(ScimTarget target, ScimRequest request, URI uri, byte @Nullable [] payload,
            String token, CallListener listener) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        Attempt result;
        try {
            result = ScimResponses.interpret(target, request.operation(), exchange(target, uri, request.method(),
                    payload, token), mapper);
        } catch (ProvisioningException e) {
            result = Attempt.failed(0, e);
        } catch (RestClientException e) {
            result = Attempt.failed(0, ScimErrors.fromTransportFailure(target, request.operation(), uri,
                    "SCIM base URL", e, properties));
        }
        ProvisioningException failure = result.failure();
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        String message = failure == null ? "OK" : failure.getMessage();
        listener.onCall(new CallRecord(startedAt, request.method().name(), ScimRequest.displayPath(uri),
                result.status(), duration, failure == null ? null : failure.errorCode(), message));
        log.debug("SCIM call finished appKey={} method={} status={} durationMs={}", target.appKey(),
                request.method(), result.status(), duration.toMillis());
        return result;
    }

    private RawResponse exchange(ScimTarget target, URI uri, HttpMethod method, byte @Nullable [] payload,
            String token) {
        callSlots.acquire(target.appKey(), method.name() + " " + uri.getPath());
        try {
            RestClient.RequestBodySpec spec = restClient.method(method).uri(uri).headers(headers -> {
                headers.setBearerAuth(token);
                headers.setAccept(List.of(SCIM_JSON, MediaType.APPLICATION_JSON));
            });
            if (payload != null) {
                spec.contentType(SCIM_JSON).body(payload);
            }
            return spec.exchange((httpRequest, response) -> new RawResponse(response.getStatusCode().value(),
                    contentType(response), response.getBody().readAllBytes()), true);
        } finally {
            callSlots.release(target.appKey());
        }
    }

    private static @Nullable MediaType contentType(ClientHttpResponse response) {
        try {
            return response.getHeaders().getContentType();
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private <T> T read(ScimTarget target, ScimRequest request, Attempt success, JavaType type) {
        String expected = type.getRawClass().getSimpleName();
        try {
            T value = success.body() == null ? null : mapper.readerFor(type).readValue(success.body());
            if (value == null) {
                throw new IllegalStateException("empty body");
            }
            return value;
        } catch (JacksonException | IllegalStateException e) {
            throw ScimErrors.unexpectedJson(target, request.operation(), success.status(), expected, e);
        }
    }

    private JavaType type(Class<?> type) {
        return mapper.constructType(type);
    }
}
