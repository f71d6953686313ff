package dev.grantflow.directory;

import org.jspecify.annotations.Nullable;

/**
 * A person as the directory admin pages list them.
 *
 * @param managerName    the manager's display name, or null when the person has no manager
 * @param admin          whether the person has the ADMIN role
 * @param reportCount    number of people whose manager this person is
 * @param withoutManager whether no manager is on record, so the person's approvals fall back to the admins
 */
public record PersonSummary(long id, String email, String displayName, @Nullable Long managerId,
                            @Nullable String managerName, boolean admin, long reportCount, boolean withoutManager) {
}
