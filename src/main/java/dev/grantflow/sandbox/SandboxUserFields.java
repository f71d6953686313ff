package dev.grantflow.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * Validated attributes of a user, as a create, replace or patch sets them.
 *
 * @param userName login name in email form
 * @param givenName first name, if set
 * @param familyName last name, never blank
 * @param email primary email address, if set
 * @param active whether the user can log in
 * @param profile the user's only profile
 * @param externalId identifier the client assigned, if any
 */
record SandboxUserFields(
        String userName,
        @Nullable String givenName,
        String familyName,
        @Nullable String email,
        boolean active,
        SandboxProfile profile,
        @Nullable String externalId) {

    SandboxUserFields withActive(boolean newActive) {
        return new SandboxUserFields(userName, givenName, familyName, email, newActive, profile, externalId);
    }

    /** Returns the name Salesforce shows for the user: first and last name, or the last name alone. */
    String displayName() {
        return givenName == null || givenName.isBlank() ? familyName : givenName + " " + familyName;
    }
}
