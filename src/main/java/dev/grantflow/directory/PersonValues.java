package dev.grantflow.directory;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a person that a CSV import sets.
 *
 * @param managerEmail the manager's email, or null when the person has no manager
 * @param admin        whether the person has the ADMIN role
 */
public record PersonValues(String displayName, @Nullable String managerEmail, boolean admin) {
}
