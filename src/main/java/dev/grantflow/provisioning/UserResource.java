package dev.grantflow.provisioning;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * SCIM 2.0 User resource (RFC 7643, section 4.1), limited to the attributes that Grantflow reads or writes.
 * Salesforce stores the user's profile as the single entry of {@code entitlements}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserResource(
        @Nullable List<String> schemas,
        @Nullable String id,
        String userName,
        @Nullable Name name,
        @Nullable String displayName,
        @Nullable List<Email> emails,
        @Nullable Boolean active,
        @Nullable List<Entitlement> entitlements) {

    /** Schema URI of the core User resource. */
    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    /** Components of the user's name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Name(@Nullable String givenName, @Nullable String familyName, @Nullable String formatted) {
    }

    /** Email address of the user. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Email(String value, @Nullable String type, @Nullable Boolean primary) {
    }

    /** Entitlement of the user, which for Salesforce is the profile id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entitlement(String value, @Nullable String display, @Nullable Boolean primary) {

        /** Returns an entitlement that carries only its value, as Salesforce expects in requests. */
        public static Entitlement of(String value) {
            return new Entitlement(value, null, null);
        }
    }

    /** Whether the app reports the user as inactive. A missing {@code active} attribute counts as active. */
    public boolean isInactive() {
        return Boolean.FALSE.equals(active);
    }
}
