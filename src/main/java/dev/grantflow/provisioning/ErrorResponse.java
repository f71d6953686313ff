package dev.grantflow.provisioning;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * SCIM 2.0 error response (RFC 7644, section 3.12). {@code status} is a string in the RFC, and
 * {@code scimType} names the error class, for example {@code uniqueness} or {@code invalidValue}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorResponse(
        @Nullable List<String> schemas,
        @Nullable String status,
        @Nullable String scimType,
        @Nullable String detail) {

    /** Schema URI of the Error message. */
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
}
