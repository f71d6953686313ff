package dev.grantflow.provisioning.scimmy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls the SCIMMY server's SCIM endpoints directly, without Grantflow's client, so that tests can seed users
 * and groups and check what the server stored.
 */
final class ScimmyApi implements AutoCloseable {

    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI baseUri;
    private final String token;

    ScimmyApi(URI baseUri, String token) {
        this.baseUri = baseUri;
        this.token = token;
    }

    /** Creates a user with an email equal to {@code userName} and returns the stored user. */
    JsonNode createUser(String userName, boolean active) {
        ObjectNode user = mapper.createObjectNode();
        user.putArray("schemas").add(USER_SCHEMA);
        user.put("userName", userName);
        user.put("active", active);
        user.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
        return send("POST", "/Users", user, 201);
    }

    /** Creates a group with the given members and returns its id. */
    String createGroup(String displayName, String... memberIds) {
        ObjectNode group = mapper.createObjectNode();
        group.putArray("schemas").add(GROUP_SCHEMA);
        group.put("displayName", displayName);
        ArrayNode members = group.putArray("members");
        for (String memberId : memberIds) {
            members.addObject().put("value", memberId);
        }
        return send("POST", "/Groups", group, 201).get("id").asString();
    }

    JsonNode user(String id) {
        return send("GET", "/Users/" + id, null, 200);
    }

    /**
     * Returns every user whose userName equals {@code userName} without case. It lists all users and compares
     * locally, so that the result does not depend on SCIMMY's filter parser.
     */
    List<JsonNode> usersNamed(String userName) {
        JsonNode list = send("GET", "/Users?count=1000", null, 200);
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode user : list.path("Resources")) {
            if (userName.equalsIgnoreCase(user.path("userName").asString())) {
                matches.add(user);
            }
        }
        return matches;
    }

    /** Returns the values of the group's members, which are user or group ids. */
    List<String> memberIds(String groupId) {
        JsonNode group = send("GET", "/Groups/" + groupId, null, 200);
        List<String> ids = new ArrayList<>();
        for (JsonNode member : group.path("members")) {
            ids.add(member.path("value").asString());
        }
        return ids;
    }

    @Override
    public void close() {
        http.close();
    }

    private JsonNode send(String method, String path, @Nullable JsonNode body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/scim+json");
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/scim+json")
                    .method(method, BodyPublishers.ofString(mapper.writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " to the SCIMMY server failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " to the SCIMMY server was interrupted", e);
        }
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError("SCIMMY returned HTTP " + response.statusCode() + " for " + method + " " + path
                    + ", expected " + expectedStatus + ". Body: " + response.body());
        }
        return mapper.readTree(response.body());
    }
}
