package dev.grantflow.provisioning;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users and groups of {@link FakeScimServer}, with the SCIM operations that Grantflow sends. Creating a
 * userName that exists fails with 409 {@code uniqueness}, as Salesforce does within one org.
 */
final class FakeScimDirectory {

    private static final Pattern USER_NAME_FILTER = Pattern.compile("userName eq \"((?:[^\"\\\\]|\\\\.)*)\"");

    final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    final Map<String, Set<String>> groupMembers = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> postsByUserName = new ConcurrentHashMap<>();

    private final JsonMapper mapper;
    private final AtomicInteger idSequence = new AtomicInteger();

    FakeScimDirectory(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Forgets all users and memberships, and creates the empty group {@code group-1}. */
    void reset() {
        users.clear();
        groupMembers.clear();
        postsByUserName.clear();
        groupMembers.put(TestTargets.GROUP, ConcurrentHashMap.newKeySet());
    }

    ObjectNode addUser(String userName, boolean active, String... entitlements) {
        ObjectNode user = mapper.createObjectNode();
        String id = "005FAKE" + idSequence.incrementAndGet();
        user.putArray("schemas").add(UserResource.SCHEMA);
        user.put("id", id);
        user.put("userName", userName);
        user.put("active", active);
        ArrayNode values = user.putArray("entitlements");
        for (String entitlement : entitlements) {
            values.addObject().put("value", entitlement).put("primary", true);
        }
        users.put(id, user);
        return user;
    }

    void handle(HttpExchange exchange, String method, String path, String body) throws IOException {
        String[] segments = path.split("/");
        String collection = segments.length > 1 ? segments[1] : "";
        String id = segments.length > 2 ? URLDecoder.decode(segments[2], StandardCharsets.UTF_8) : null;
        switch (method + " " + collection + (id == null ? "" : "/{id}")) {
            case "GET Users" -> searchUsers(exchange);
            case "POST Users" -> createUser(exchange, body);
            case "GET Users/{id}" -> sendUser(exchange, users.get(id));
            case "PATCH Users/{id}" -> patchUser(exchange, id, body);
            case "PATCH Groups/{id}" -> patchGroup(exchange, id, body);
            case "GET Groups/{id}" -> sendNamed(exchange, id, "Sales");
            case "GET Entitlements/{id}" -> sendNamed(exchange, id, "Standard User");
            case "GET ServiceProviderConfigs", "GET ServiceProviderConfig" -> FakeHttp.sendScim(exchange, 200,
                    "{\"patch\":{\"supported\":true},\"filter\":{\"supported\":true}}");
            default -> sendNotFound(exchange, "No route for " + method + " " + path);
        }
    }

    private void searchUsers(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        Matcher matcher = USER_NAME_FILTER.matcher(query == null ? "" : query.replaceFirst("^filter=", ""));
        List<JsonNode> matches = new ArrayList<>();
        if (matcher.matches()) {
            String userName = matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            users.values().stream().filter(user -> user.get("userName").asString().equalsIgnoreCase(userName))
                    .forEach(matches::add);
        }
        ObjectNode list = mapper.createObjectNode();
        list.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        list.put("totalResults", matches.size());
        list.putArray("Resources").addAll(matches);
        FakeHttp.sendScim(exchange, 200, mapper.writeValueAsString(list));
    }

    private void createUser(HttpExchange exchange, String body) throws IOException {
        ObjectNode user = (ObjectNode) mapper.readTree(body);
        String userName = user.get("userName").asString();
        postsByUserName.computeIfAbsent(userName, key -> new AtomicInteger()).incrementAndGet();
        boolean taken = users.values().stream().anyMatch(u -> u.get("userName").asString().equalsIgnoreCase(userName));
        if (taken) {
            FakeHttp.sendScim(exchange, 409, "{\"schemas\":[\"" + ErrorResponse.SCHEMA + "\"],\"status\":\"409\","
                    + "\"scimType\":\"uniqueness\",\"detail\":\"DUPLICATE_USERNAME: Duplicate Username\"}");
            return;
        }
        String id = "005FAKE" + idSequence.incrementAndGet();
        user.put("id", id);
        users.put(id, user);
        FakeHttp.sendScim(exchange, 201, mapper.writeValueAsString(user));
    }

    private void patchUser(HttpExchange exchange, String id, String body) throws IOException {
        ObjectNode user = users.get(id);
        if (user == null) {
            sendUser(exchange, null);
            return;
        }
        for (JsonNode operation : mapper.readTree(body).get("Operations")) {
            user.set(operation.get("path").asString(), operation.get("value"));
        }
        sendUser(exchange, user);
    }

    private void patchGroup(HttpExchange exchange, String id, String body) throws IOException {
        Set<String> members = groupMembers.get(id);
        if (members == null) {
            sendNotFound(exchange, "Group " + id + " not found");
            return;
        }
        for (JsonNode operation : mapper.readTree(body).get("Operations")) {
            if ("add".equals(operation.get("op").asString())) {
                operation.get("value").forEach(member -> members.add(member.get("value").asString()));
            } else {
                members.removeIf(member -> operation.get("path").asString().contains("\"" + member + "\""));
            }
        }
        sendNamed(exchange, id, "Sales");
    }

    private void sendUser(HttpExchange exchange, @Nullable ObjectNode user) throws IOException {
        if (user == null) {
            sendNotFound(exchange, "User not found");
            return;
        }
        FakeHttp.sendScim(exchange, 200, mapper.writeValueAsString(user));
    }

    private static void sendNamed(HttpExchange exchange, String id, String displayName) throws IOException {
        FakeHttp.sendScim(exchange, 200, "{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\"}");
    }

    private static void sendNotFound(HttpExchange exchange, String detail) throws IOException {
        FakeHttp.sendScim(exchange, 404, "{\"schemas\":[\"" + ErrorResponse.SCHEMA + "\"],\"status\":\"404\","
                + "\"detail\":\"" + detail + "\"}");
    }
}
