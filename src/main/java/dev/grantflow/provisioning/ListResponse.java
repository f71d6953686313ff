package dev.grantflow.provisioning;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * SCIM 2.0 query response (RFC 7644, section 3.4.2). {@code Resources} may be absent when nothing matched.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListResponse<T>(
        @Nullable List<String> schemas,
        int totalResults,
        @Nullable Integer startIndex,
        @Nullable Integer itemsPerPage,
        @JsonProperty("Resources") @Nullable List<T> resources) {

    /** Returns the resources, or an empty list when the response had none. */
    public List<T> resourcesOrEmpty() {
        return resources == null ? List.of() : resources;
    }
}
