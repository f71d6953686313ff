package dev.grantflow.sandbox;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Validates SCIM user requests as Salesforce does and applies them to the store.
 * Every method throws {@link SandboxScimException} for a request that Salesforce would reject.
 */
@Service
@ConditionalOnProperty(prefix = "grantflow.sandbox", name = "enabled", havingValue = "true")
class SandboxUsers {

    /** Maximum page size of GET /Users, also announced in the ServiceProviderConfig. */
    static final int MAX_RESULTS = 200;
    /** Maximum length of the Username field, 80 in Salesforce's field reference. */
    static final int MAX_USER_NAME_LENGTH = 80;
    static final String ENTITLEMENT_REQUIRED =
            "REQUIRED_FIELD_MISSING: user must have one entitlement which must be a profile id";

    /** Local part, "@", and a domain with at least one dot, none of them containing whitespace or another "@". */
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final SandboxStore store;

    SandboxUsers(SandboxStore store) {
        this.store = store;
    }

    StoredUser create(JsonNode body) {
        return store.createUser(validate(SandboxUserDraft.fromJson(body)));
    }

    /** Replaces every attribute of user {@code id}. Attributes missing from the body are cleared or reset. */
    StoredUser replace(String id, JsonNode body) {
        SandboxUserDraft draft = SandboxUserDraft.fromJson(body);
        return store.updateUser(id, current -> validate(draft));
    }

    /** Applies a PatchOp body to user {@code id}. All operations apply together or, on any error, none do. */
    StoredUser patch(String id, JsonNode body) {
        List<SandboxPatchOperation> operations = SandboxPatchOperation.parseAll(body);
        return store.updateUser(id, current -> {
            SandboxUserDraft draft = SandboxUserDraft.fromFields(current);
            operations.forEach(draft::apply);
            return validate(draft);
        });
    }

    /** Sets active=false, which is all that DELETE does in Salesforce because users are never deleted. */
    StoredUser deactivate(String id) {
        return store.updateUser(id, fields -> fields.withActive(false));
    }

    StoredUser get(String id) {
        return store.findUser(id).orElseThrow(() -> SandboxStore.userNotFound(id));
    }

    /**
     * Returns one page of the users that match {@code filter}. {@code startIndex} is 1-based and values below 1
     * count as 1. {@code count} defaults to and is capped at {@link #MAX_RESULTS}, and negative values count as 0.
     */
    UserPage list(@Nullable String filter, @Nullable String startIndexParameter, @Nullable String countParameter) {
        String userName = SandboxUserFilter.parseUserName(filter);
        int startIndex = Math.max(1, parseInteger("startIndex", startIndexParameter, 1));
        int count = Math.clamp(parseInteger("count", countParameter, MAX_RESULTS), 0, MAX_RESULTS);

        List<StoredUser> matches = userName == null ? store.storedUsers()
                : store.findUserByUserName(userName).map(List::of).orElse(List.of());
        List<StoredUser> page = matches.stream().skip(startIndex - 1L).limit(count).toList();
        return new UserPage(page, matches.size(), startIndex);
    }

    private SandboxUserFields validate(SandboxUserDraft draft) {
        String userName = requireUserName(draft.userName);
        String familyName = draft.familyName;
        if (familyName == null || familyName.isBlank()) {
            throw SandboxScimException.invalidValue(
                    "REQUIRED_FIELD_MISSING: Required fields are missing: [LastName]. Set name.familyName.");
        }
        String email = draft.email;
        if (email != null && !EMAIL_SHAPE.matcher(email).matches()) {
            throw SandboxScimException.invalidValue(
                    "INVALID_EMAIL_ADDRESS: email \"" + email + "\" is invalid. Use the form alice@example.com.");
        }
        SandboxProfile profile = requireProfile(draft.entitlementValues);
        String givenName = draft.givenName == null || draft.givenName.isBlank() ? null : draft.givenName;
        return new SandboxUserFields(
                userName, givenName, familyName, email, draft.active, profile, draft.externalId);
    }

    private static String requireUserName(@Nullable String userName) {
        if (userName == null || userName.isBlank()) {
            throw SandboxScimException.invalidValue(
                    "REQUIRED_FIELD_MISSING: Required fields are missing: [Username]. Set userName to an email address.");
        }
        if (!EMAIL_SHAPE.matcher(userName).matches()) {
            throw SandboxScimException.invalidValue("userName \"" + userName
                    + "\" is invalid. It must be in the form of an email address, for example alice@example.com.");
        }
        if (userName.length() > MAX_USER_NAME_LENGTH) {
            throw SandboxScimException.invalidValue("userName \"" + userName + "\" is invalid. It has "
                    + userName.length() + " characters and the maximum is " + MAX_USER_NAME_LENGTH + ".");
        }
        return userName;
    }

    private SandboxProfile requireProfile(List<@Nullable String> entitlementValues) {
        if (entitlementValues.isEmpty()) {
            throw SandboxScimException.invalidValue(ENTITLEMENT_REQUIRED);
        }
        if (entitlementValues.size() > 1) {
            throw SandboxScimException.invalidValue(
                    ENTITLEMENT_REQUIRED + ", got " + entitlementValues.size() + " entitlements");
        }
        String profileId = entitlementValues.getFirst();
        if (profileId == null) {
            throw SandboxScimException.invalidValue(ENTITLEMENT_REQUIRED);
        }
        return store.findProfile(profileId).orElseThrow(() -> SandboxScimException.invalidValue(
                "INVALID_CROSS_REFERENCE_KEY: invalid profile id " + profileId
                        + ". Use a 15- or 18-character id from GET /Entitlements."));
    }

    private static int parseInteger(String name, @Nullable String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw SandboxScimException.invalidValue(name + " must be an integer, got " + value);
        }
    }

    /**
     * One page of GET /Users.
     *
     * @param users users on this page
     * @param totalResults number of users that match the filter on all pages
     * @param startIndex 1-based index of the first user on this page
     */
    record UserPage(List<StoredUser> users, int totalResults, int startIndex) {
    }
}
