package dev.grantflow.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * User attributes as a request sets them, before validation. POST and PUT start from an empty draft,
 * PATCH starts from the stored user.
 */
final class SandboxUserDraft {

    static final String SUPPORTED_PATHS =
            "userName, name, name.givenName, name.familyName, emails, active, entitlements, externalId";

    private static final String USER_URN_PREFIX = SandboxScimJson.USER_SCHEMA.toLowerCase(Locale.ROOT) + ":";

    @Nullable String userName;
    @Nullable String givenName;
    @Nullable String familyName;
    @Nullable String email;
    boolean active = true;
    /** Raw entitlement values in request order. A null entry is an entitlement without a string value. */
    List<@Nullable String> entitlementValues = new ArrayList<>();
    @Nullable String externalId;

    /** Reads a SCIM User body. Attributes the sandbox does not store, such as meta or extensions, are ignored. */
    static SandboxUserDraft fromJson(JsonNode body) {
        if (!body.isObject()) {
            throw SandboxScimException.invalidSyntax("A SCIM User must be a JSON object, got " + body.getNodeType());
        }
        SandboxUserDraft draft = new SandboxUserDraft();
        for (Map.Entry<String, JsonNode> attribute : body.properties()) {
            draft.set(attribute.getKey(), attribute.getValue());
        }
        return draft;
    }

    static SandboxUserDraft fromFields(SandboxUserFields fields) {
        SandboxUserDraft draft = new SandboxUserDraft();
        draft.userName = fields.userName();
        draft.givenName = fields.givenName();
        draft.familyName = fields.familyName();
        draft.email = fields.email();
        draft.active = fields.active();
        draft.entitlementValues.add(fields.profile().id());
        draft.externalId = fields.externalId();
        return draft;
    }

    /**
     * Applies one PATCH operation. The sandbox supports add and replace, which both overwrite because every
     * supported attribute has a single value. Throws 400 for remove and for paths outside {@link #SUPPORTED_PATHS}.
     */
    void apply(SandboxPatchOperation operation) {
        if (operation.op().equals("remove")) {
            throw SandboxScimException.invalidValue(
                    "PATCH op remove is not supported on users. Use replace to change an attribute.");
        }
        if (operation.path() != null) {
            setSupported(operation.path(), operation.value());
            return;
        }
        if (!operation.value().isObject()) {
            throw SandboxScimException.invalidValue("PATCH operation without a path needs an object value");
        }
        for (Map.Entry<String, JsonNode> attribute : operation.value().properties()) {
            setSupported(attribute.getKey(), attribute.getValue());
        }
    }

    private void setSupported(String path, JsonNode value) {
        if (!set(path, value)) {
            throw SandboxScimException.invalidPath(
                    "PATCH path " + path + " is not supported. Supported paths: " + SUPPORTED_PATHS);
        }
    }

    /** Sets the attribute at {@code path}, ignoring case. Returns false when the sandbox does not store it. */
    private boolean set(String path, JsonNode value) {
        String attribute = path.toLowerCase(Locale.ROOT);
        if (attribute.startsWith(USER_URN_PREFIX)) {
            attribute = attribute.substring(USER_URN_PREFIX.length());
        }
        switch (attribute) {
            case "username" -> userName = optionalString(value, "userName");
            case "name" -> setName(value);
            case "name.givenname" -> givenName = optionalString(value, "name.givenName");
            case "name.familyname" -> familyName = optionalString(value, "name.familyName");
            case "emails" -> email = primaryEmail(value);
            case "active" -> active = parseActive(value);
            case "entitlements" -> entitlementValues = entitlementValues(value);
            case "externalid" -> externalId = optionalString(value, "externalId");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Sets the name sub-attributes present in {@code value} and keeps the others, as RFC 7644 replace does. */
    private void setName(JsonNode value) {
        if (value.isNull()) {
            givenName = null;
            familyName = null;
            return;
        }
        if (!value.isObject()) {
            throw SandboxScimException.invalidValue("name must be an object, got " + value);
        }
        if (value.has("givenName")) {
            givenName = optionalString(value.get("givenName"), "name.givenName");
        }
        if (value.has("familyName")) {
            familyName = optionalString(value.get("familyName"), "name.familyName");
        }
    }

    private static @Nullable String optionalString(JsonNode value, String attribute) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isString()) {
            throw SandboxScimException.invalidValue(attribute + " must be a string, got " + value);
        }
        return value.stringValue();
    }

    /** Accepts a JSON boolean or the strings "true" and "false" in any case, because some SCIM clients send strings. */
    private static boolean parseActive(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString() && (value.stringValue().equalsIgnoreCase("true") || value.stringValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.stringValue().toLowerCase(Locale.ROOT));
        }
        throw SandboxScimException.invalidValue("active must be true or false, got " + value);
    }

    /** Returns the value of the email marked primary, else of the first one, else null. */
    private static @Nullable String primaryEmail(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isArray()) {
            throw SandboxScimException.invalidValue("emails must be an array, got " + value);
        }
        if (value.isEmpty()) {
            return null;
        }
        JsonNode chosen = value.get(0);
        for (JsonNode email : value) {
            if (email.path("primary").asBoolean(false)) {
                chosen = email;
                break;
            }
        }
        return optionalString(chosen.path("value"), "emails.value");
    }

    private static List<@Nullable String> entitlementValues(JsonNode value) {
        List<@Nullable String> values = new ArrayList<>();
        if (value.isNull() || value.isMissingNode()) {
            return values;
        }
        if (value.isObject()) {
            values.add(entitlementValue(value));
            return values;
        }
        if (!value.isArray()) {
            throw SandboxScimException.invalidValue("entitlements must be an array, got " + value);
        }
        for (JsonNode entitlement : value) {
            values.add(entitlementValue(entitlement));
        }
        return values;
    }

    private static @Nullable String entitlementValue(JsonNode entitlement) {
        JsonNode value = entitlement.path("value");
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue().trim() : null;
    }
}
