package dev.grantflow.sandbox;

import java.time.Instant;

/**
 * A user as the store keeps it.
 *
 * @param id 18-character user id
 * @param fields current attributes
 * @param created time of creation
 * @param lastModified time of the last change
 * @param version number of changes since creation, starting at 1, sent as meta.version
 */
record StoredUser(String id, SandboxUserFields fields, Instant created, Instant lastModified, long version) {

    SandboxUser toSandboxUser() {
        return new SandboxUser(
                id,
                fields.userName(),
                fields.givenName(),
                fields.familyName(),
                fields.email(),
                fields.active(),
                fields.profile().id(),
                fields.profile().name(),
                created,
                lastModified);
    }
}
