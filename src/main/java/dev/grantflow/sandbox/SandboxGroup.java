package dev.grantflow.sandbox;

import java.util.List;

/**
 * Snapshot of a Salesforce public group.
 *
 * @param id 18-character group id, starting with "00G"
 * @param displayName group name
 * @param memberIds 18-character ids of the member users, in the order they were added
 */
public record SandboxGroup(String id, String displayName, List<String> memberIds) {

    public SandboxGroup {
        memberIds = List.copyOf(memberIds);
    }
}
