package dev.grantflow.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One operation of an RFC 7644 PatchOp request.
 *
 * @param op "add", "remove" or "replace", in lower case
 * @param path target attribute, or null when {@code value} is an object of attributes
 * @param value new value, a missing node when the request has none
 */
record SandboxPatchOperation(String op, @Nullable String path, JsonNode value) {

    static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** Reads the operations of a PatchOp body. Throws 400 invalidSyntax when the body is not a valid PatchOp. */
    static List<SandboxPatchOperation> parseAll(JsonNode body) {
        if (!hasPatchOpSchema(body)) {
            throw SandboxScimException.invalidSyntax("PATCH body must list the schema " + PATCH_OP_SCHEMA + " in schemas");
        }
        JsonNode operations = body.path("Operations");
        if (!operations.isArray() || operations.isEmpty()) {
            throw SandboxScimException.invalidSyntax("PATCH body must contain a non-empty Operations array");
        }
        List<SandboxPatchOperation> parsed = new ArrayList<>();
        for (JsonNode operation : operations) {
            parsed.add(parse(operation));
        }
        return parsed;
    }

    private static SandboxPatchOperation parse(JsonNode operation) {
        JsonNode op = operation.path("op");
        if (!op.isString()) {
            throw SandboxScimException.invalidSyntax("Each PATCH operation needs an op of add, remove or replace");
        }
        String name = op.stringValue().toLowerCase(Locale.ROOT);
        if (!List.of("add", "remove", "replace").contains(name)) {
            throw SandboxScimException.invalidSyntax("PATCH op " + op.stringValue() + " is invalid. Use add, remove or replace.");
        }
        JsonNode path = operation.path("path");
        if (!path.isMissingNode() && !path.isNull() && !path.isString()) {
            throw SandboxScimException.invalidPath("PATCH path must be a string, got " + path);
        }
        String pathValue = path.isString() && !path.stringValue().isBlank() ? path.stringValue().trim() : null;
        return new SandboxPatchOperation(name, pathValue, operation.path("value"));
    }

    private static boolean hasPatchOpSchema(JsonNode body) {
        for (JsonNode schema : body.path("schemas")) {
            if (schema.isString() && schema.stringValue().equals(PATCH_OP_SCHEMA)) {
                return true;
            }
        }
        return false;
    }
}
