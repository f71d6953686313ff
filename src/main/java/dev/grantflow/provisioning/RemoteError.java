package dev.grantflow.provisioning;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Error code and detail read from an error body in any of the shapes that SCIM apps send: RFC 7644
 * {@code ErrorResponse}, the Salesforce array {@code [{"message","errorCode"}]}, {@code {"Errors":[...]}} and
 * the OAuth 2.0 {@code {"error","error_description"}}.
 *
 * @param code   Salesforce errorCode or SCIM scimType, whichever is more specific
 * @param detail error text for humans
 */
record RemoteError(@Nullable String code, @Nullable String detail) {

    static final RemoteError NONE = new RemoteError(null, null);

    // Salesforce puts its own code in front of the SCIM detail, e.g. "INVALID_CROSS_REFERENCE_KEY: invalid ...".
    private static final Pattern SALESFORCE_CODE_PREFIX = Pattern.compile("^([A-Z][A-Z_]{2,})\\s*:");

    static RemoteError from(@Nullable JsonNode body) {
        if (body == null) {
            return NONE;
        }
        if (body.isArray() && !body.isEmpty()) {
            JsonNode first = body.get(0);
            return withPrefixedCode(text(first, "errorCode"), text(first, "message"));
        }
        if (!body.isObject()) {
            return NONE;
        }
        JsonNode errors = body.get("Errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            return withPrefixedCode(null, text(errors.get(0), "description"));
        }
        if (body.has("error")) {
            return new RemoteError(text(body, "error"), text(body, "error_description"));
        }
        return withPrefixedCode(text(body, "scimType"), text(body, "detail"));
    }

    private static RemoteError withPrefixedCode(@Nullable String code, @Nullable String detail) {
        if (detail != null) {
            Matcher prefix = SALESFORCE_CODE_PREFIX.matcher(detail);
            if (prefix.find()) {
                return new RemoteError(prefix.group(1), detail);
            }
        }
        return new RemoteError(code, detail);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        return value.asString();
    }

    /** Returns " (code)" or " (code: detail)" for use in messages, or an empty string. */
    String describe() {
        if (code == null && detail == null) {
            return "";
        }
        if (code == null) {
            return " (" + detail + ")";
        }
        if (detail == null || detail.startsWith(code)) {
            return " (" + (detail == null ? code : detail) + ")";
        }
        return " (" + code + ": " + detail + ")";
    }
}
