package dev.grantflow.provisioning;

import java.util.Objects;

/**
 * Directory data of the person to provision. {@code userName} must be an email address for Salesforce.
 */
public record ScimUserSpec(String userName, String givenName, String familyName, String displayName, String email) {

    public ScimUserSpec {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
    }
}
