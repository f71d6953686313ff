package dev.grantflow.sandbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Snapshot of a user in the sandbox org.
 *
 * @param id 18-character Salesforce user id, starting with "005"
 * @param userName login name in email form, unique across all Salesforce orgs
 * @param givenName first name, if set
 * @param familyName last name, which Salesforce requires
 * @param email primary email address, if the client sent one
 * @param active false once the user is deactivated, because Salesforce never deletes users
 * @param profileId 18-character id of the user's only profile
 * @param profileName name of that profile
 * @param created time the user was created
 * @param lastModified time of the last change
 */
public record SandboxUser(
        String id,
        String userName,
        @Nullable String givenName,
        String familyName,
        @Nullable String email,
        boolean active,
        String profileId,
        String profileName,
        Instant created,
        Instant lastModified) {
}
