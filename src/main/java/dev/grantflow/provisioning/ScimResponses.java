package dev.grantflow.provisioning;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a raw SCIM response into a parsed body or a classified failure.
 */
final class ScimResponses {

    private ScimResponses() {
    }

    /** Result of one HTTP attempt, with its status (0 without a response) and either the JSON body or the failure. */
    record Attempt(int status, @Nullable JsonNode body, @Nullable ProvisioningException failure) {

        static Attempt failed(int status, ProvisioningException failure) {
            return new Attempt(status, null, failure);
        }

        /** Returns this attempt if it succeeded, or throws its failure. */
        Attempt orThrow() {
            if (failure != null) {
                throw failure;
            }
            return this;
        }
    }

    static Attempt interpret(ScimTarget target, String operation, RawResponse response, JsonMapper mapper) {
        int status = response.status();
        if (status == 401) {
            // The error code helps the call record, but a 401 leads to a refresh whatever the body is.
            JsonNode body = response.mayBeJson() ? parseQuietly(response, mapper) : null;
            return Attempt.failed(status, ScimErrors.fromStatus(target, operation, status, body));
        }
        JsonNode body = null;
        if (response.body().length > 0) {
            if (!response.mayBeJson()) {
                return Attempt.failed(status, ScimErrors.notJson(target, operation, response));
            }
            try {
                body = emptyToNull(mapper.readTree(response.body()));
            } catch (JacksonException e) {
                return Attempt.failed(status, ScimErrors.invalidJson(target, operation, status, e));
            }
        }
        if (response.isSuccess()) {
            return new Attempt(status, body, null);
        }
        return Attempt.failed(status, ScimErrors.fromStatus(target, operation, status, body));
    }

    private static @Nullable JsonNode parseQuietly(RawResponse response, JsonMapper mapper) {
        try {
            return emptyToNull(mapper.readTree(response.body()));
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable JsonNode emptyToNull(@Nullable JsonNode node) {
        return node == null || node.isMissingNode() ? null : node;
    }
}
