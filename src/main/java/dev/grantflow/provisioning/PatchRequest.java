package dev.grantflow.provisioning;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * SCIM 2.0 PATCH request (RFC 7644, section 3.5.2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatchRequest(List<String> schemas, @JsonProperty("Operations") List<Operation> operations) {

    /** Schema URI of the PatchOp message. */
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public PatchRequest {
        schemas = List.copyOf(schemas);
        operations = List.copyOf(operations);
    }

    /** Returns a request that applies the operations in order. */
    public static PatchRequest of(Operation... operations) {
        return new PatchRequest(List.of(SCHEMA), List.of(operations));
    }

    /**
     * One PATCH operation. {@code op} is {@code add}, {@code remove} or {@code replace}, and {@code value} is
     * absent for {@code remove}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(String op, @Nullable String path, @Nullable Object value) {

        public static Operation replace(String path, Object value) {
            return new Operation("replace", path, value);
        }

        public static Operation add(String path, Object value) {
            return new Operation("add", path, value);
        }

        public static Operation remove(String path) {
            return new Operation("remove", path, null);
        }
    }
}
