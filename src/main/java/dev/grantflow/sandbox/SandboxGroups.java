package dev.grantflow.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Reads groups and changes their members with PatchOp requests. */
@Service
@ConditionalOnProperty(prefix = "grantflow.sandbox", name = "enabled", havingValue = "true")
class SandboxGroups {

    /** Filtered path that removes one member, as in the RFC 7644 PATCH examples: {@code members[value eq "005..."]}. */
    private static final Pattern MEMBER_VALUE_PATH =
            Pattern.compile("members\\[\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*]", Pattern.CASE_INSENSITIVE);

    private final SandboxStore store;

    SandboxGroups(SandboxStore store) {
        this.store = store;
    }

    SandboxGroup get(String id) {
        return store.findGroup(id).orElseThrow(() -> SandboxScimException.notFound("Group " + id + " not found"));
    }

    /** Returns the member users of {@code group} in the order they were added. */
    List<StoredUser> members(SandboxGroup group) {
        List<StoredUser> members = new ArrayList<>();
        for (String memberId : group.memberIds()) {
            store.findUser(memberId).ifPresent(members::add);
        }
        return members;
    }

    /**
     * Applies add, remove and replace operations on {@code members}. All operations apply together or, on
     * any error, none do. An unknown user id gives 400 invalidValue.
     */
    SandboxGroup patch(String id, JsonNode body) {
        List<SandboxPatchOperation> operations = SandboxPatchOperation.parseAll(body);
        return store.updateGroup(id, group -> {
            Set<String> members = new LinkedHashSet<>(group.memberIds());
            for (SandboxPatchOperation operation : operations) {
                apply(operation, members);
            }
            return new SandboxGroup(group.id(), group.displayName(), List.copyOf(members));
        });
    }

    private void apply(SandboxPatchOperation operation, Set<String> members) {
        String path = operation.path();
        JsonNode value = operation.value();
        if (path == null && value.isObject() && value.has("members")) {
            path = "members";
            value = value.get("members");
        }
        Matcher memberValuePath = MEMBER_VALUE_PATH.matcher(path == null ? "" : path);
        if (memberValuePath.matches() && operation.op().equals("remove")) {
            members.removeAll(resolveUserIds(List.of(memberValuePath.group(1))));
            return;
        }
        if (path == null || !path.equalsIgnoreCase("members")) {
            throw SandboxScimException.invalidPath("PATCH path " + path
                    + " is not supported on groups. Use members, or members[value eq \"<user id>\"] with remove.");
        }
        boolean removeAll = operation.op().equals("remove") && (value.isMissingNode() || value.isNull());
        List<String> userIds = removeAll ? List.copyOf(members) : resolveUserIds(memberValues(value));
        switch (operation.op()) {
            case "add" -> members.addAll(userIds);
            case "remove" -> userIds.forEach(members::remove);
            default -> {
                members.clear();
                members.addAll(userIds);
            }
        }
    }

    private static List<String> memberValues(JsonNode value) {
        if (!value.isArray()) {
            throw SandboxScimException.invalidValue("members must be an array of {\"value\": \"<user id>\"}, got " + value);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode member : value) {
            JsonNode memberId = member.path("value");
            if (!memberId.isString()) {
                throw SandboxScimException.invalidValue("Each member needs a string value with a user id, got " + member);
            }
            values.add(memberId.stringValue());
        }
        return values;
    }

    /** Returns the 18-character ids of the users, in order. Throws 400 invalidValue for an id with no user. */
    private List<String> resolveUserIds(List<String> values) {
        List<String> userIds = new ArrayList<>();
        for (String value : values) {
            StoredUser user = store.findUser(value).orElseThrow(() -> SandboxScimException.invalidValue(
                    "User " + value + " in members not found. Add only ids of existing users."));
            userIds.add(user.id());
        }
        return userIds;
    }
}
