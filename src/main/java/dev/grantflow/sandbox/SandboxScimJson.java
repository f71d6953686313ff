package dev.grantflow.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads SCIM request bodies and writes SCIM resources, list responses and errors as
 * {@code application/scim+json} responses.
 */
final class SandboxScimJson {

    static final MediaType SCIM_JSON = MediaType.parseMediaType(SandboxFault.SCIM_JSON);
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    // NOTE: this URN is modeled on Salesforce's extension naming and has not been compared with a real org.
    static final String ENTITLEMENT_SCHEMA = "urn:salesforce:schemas:extension:1.0:Entitlement";

    private static final String INVALID_SESSION =
            "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";

    private final JsonMapper mapper;

    SandboxScimJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Parses a request body. Throws 400 invalidSyntax when it is missing or not JSON. */
    JsonNode parse(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            throw SandboxScimException.invalidSyntax("Request body is missing. Send a JSON object.");
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw SandboxScimException.invalidSyntax("Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Returns the userName of a User body, or null when the body is not JSON or has no string userName. */
    @Nullable String readUserName(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode userName = mapper.readTree(body).path("userName");
            return userName.isString() ? userName.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    ObjectNode user(StoredUser user, String baseUrl) {
        SandboxUserFields fields = user.fields();
        ObjectNode node = resource(USER_SCHEMA, user.id());
        node.put("userName", fields.userName());
        if (fields.externalId() != null) {
            node.put("externalId", fields.externalId());
        }
        ObjectNode name = node.putObject("name");
        name.put("formatted", fields.displayName());
        name.put("familyName", fields.familyName());
        if (fields.givenName() != null) {
            name.put("givenName", fields.givenName());
        }
        node.put("displayName", fields.displayName());
        if (fields.email() != null) {
            node.putArray("emails").addObject().put("value", fields.email()).put("type", "work").put("primary", true);
        }
        node.put("active", fields.active());
        node.putArray("entitlements").addObject()
                .put("value", fields.profile().id())
                .put("display", fields.profile().name())
                .put("primary", true);
        ObjectNode meta = meta(node, "User", baseUrl + "/Users/" + user.id());
        meta.put("created", user.created().toString());
        meta.put("lastModified", user.lastModified().toString());
        meta.put("version", "W/\"" + user.version() + "\"");
        return node;
    }

    ObjectNode group(SandboxGroup group, List<StoredUser> members, String baseUrl) {
        ObjectNode node = resource(GROUP_SCHEMA, group.id());
        node.put("displayName", group.displayName());
        ArrayNode memberNodes = node.putArray("members");
        for (StoredUser member : members) {
            memberNodes.addObject()
                    .put("value", member.id())
                    .put("display", member.fields().displayName())
                    .put("$ref", baseUrl + "/Users/" + member.id());
        }
        meta(node, "Group", baseUrl + "/Groups/" + group.id());
        return node;
    }

    ObjectNode entitlement(SandboxProfile profile, String baseUrl) {
        ObjectNode node = resource(ENTITLEMENT_SCHEMA, profile.id());
        node.put("displayName", profile.name());
        node.put("type", "Profile");
        meta(node, "Entitlement", baseUrl + "/Entitlements/" + profile.id());
        return node;
    }

    ObjectNode listResponse(List<ObjectNode> resources, int totalResults, int startIndex) {
        ObjectNode node = mapper.createObjectNode();
        node.putArray("schemas").add(LIST_RESPONSE_SCHEMA);
        node.put("totalResults", totalResults);
        node.put("startIndex", startIndex);
        node.put("itemsPerPage", resources.size());
        node.putArray("Resources").addAll(resources);
        return node;
    }

    ObjectNode serviceProviderConfig(String baseUrl) {
        ObjectNode node = mapper.createObjectNode();
        node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        node.putObject("patch").put("supported", true);
        node.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        node.putObject("filter").put("supported", true).put("maxResults", SandboxUsers.MAX_RESULTS);
        node.putObject("changePassword").put("supported", false);
        node.putObject("sort").put("supported", false);
        node.putObject("etag").put("supported", false);
        node.putArray("authenticationSchemes").addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "Access token from the sandbox token endpoint, sent as Authorization: Bearer")
                .put("primary", true);
        meta(node, "ServiceProviderConfig", baseUrl + "/ServiceProviderConfig");
        return node;
    }

    ResponseEntity<byte[]> ok(JsonNode body) {
        return respond(HttpStatus.OK, body);
    }

    ResponseEntity<byte[]> created(JsonNode body, String location) {
        return ResponseEntity.created(URI.create(location)).contentType(SCIM_JSON).body(mapper.writeValueAsBytes(body));
    }

    /** Returns the RFC 7644 ErrorResponse for {@code error}. */
    ResponseEntity<byte[]> error(SandboxScimException error) {
        ObjectNode node = mapper.createObjectNode();
        node.putArray("schemas").add(ERROR_SCHEMA);
        node.put("status", String.valueOf(error.status()));
        if (error.scimType() != null) {
            node.put("scimType", error.scimType());
        }
        node.put("detail", error.detail());
        return respond(HttpStatus.valueOf(error.status()), node);
    }

    /** Returns the 401 that Salesforce sends for a missing, expired or unknown access token. */
    ResponseEntity<byte[]> invalidSession() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(SCIM_JSON).body(INVALID_SESSION.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<byte[]> respond(HttpStatus status, JsonNode body) {
        return ResponseEntity.status(status).contentType(SCIM_JSON).body(mapper.writeValueAsBytes(body));
    }

    private ObjectNode resource(String schema, String id) {
        ObjectNode node = mapper.createObjectNode();
        node.putArray("schemas").add(schema);
        node.put("id", id);
        return node;
    }

    private static ObjectNode meta(ObjectNode resource, String resourceType, String location) {
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", resourceType);
        meta.put("location", location);
        return meta;
    }
}
