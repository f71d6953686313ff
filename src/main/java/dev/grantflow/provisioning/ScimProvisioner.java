package dev.grantflow.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.grantflow.provisioning.PatchRequest.Operation;
import dev.grantflow.provisioning.ProvisionedAccount.Outcome;
import dev.grantflow.provisioning.ProvisioningException.Kind;
import dev.grantflow.provisioning.UserResource.Entitlement;

/**
 * Provisions a person into a SCIM app. It finds or creates the user, activates it, and grants the app's
 * Groups Object ID, which is the single profile for Salesforce and a group membership for other SCIM apps.
 * Each step is safe to repeat, so callers can retry the whole operation after a transient failure.
 */
public class ScimProvisioner {

    private static final Logger log = LoggerFactory.getLogger(ScimProvisioner.class);

    // A rough check of the email form that Salesforce requires for userName: one "@", no whitespace, and a
    // dot in the domain part. Salesforce may still reject a userName that passes.
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final ScimClient client;

    public ScimProvisioner(ScimClient client) {
        this.client = client;
    }

    /**
     * Provisions the person and returns the account that now has the app's access.
     *
     * @throws ProvisioningException PERMANENT for a userName that is not an email address, or that another
     *                               Salesforce org uses; otherwise as classified by {@link ScimClient}
     */
    public ProvisionedAccount provision(ScimTarget target, ScimUserSpec spec, CallListener listener) {
        requireEmailShape(target, spec.userName());
        ProvisionedAccount account = client.findUserByUserName(target, spec.userName(), listener)
                .map(existing -> adopt(target, existing, listener))
                .orElseGet(() -> create(target, spec, listener));
        if (target.kind() == TargetKind.GENERIC_SCIM) {
            joinGroup(target, account.scimUserId(), listener);
        }
        return account;
    }

    /** Deactivates the user. Salesforce never deletes users, so deactivation is how access ends there. */
    public void deactivate(ScimTarget target, String scimUserId, CallListener listener) {
        client.patchUser(target, scimUserId, PatchRequest.of(Operation.replace("active", false)), listener);
        log.info("Deactivated SCIM user appKey={} scimUserId={}", target.appKey(), scimUserId);
    }

    /** Removes the user from the app's group, which ends the access in a generic SCIM app. */
    public void removeFromGroup(ScimTarget target, String scimUserId, CallListener listener) {
        client.removeGroupMember(target, target.groupsObjectId(), scimUserId, listener);
        log.info("Removed SCIM user from group appKey={} scimUserId={} groupId={}", target.appKey(), scimUserId,
                target.groupsObjectId());
    }

    private ProvisionedAccount adopt(ScimTarget target, UserResource existing, CallListener listener) {
        String id = requireId(target, existing);
        List<Operation> operations = new ArrayList<>();
        if (existing.isInactive()) {
            operations.add(Operation.replace("active", true));
        }
        boolean salesforce = target.kind() == TargetKind.SALESFORCE;
        if (salesforce && (existing.isInactive() || !hasOnlyProfile(existing, target.groupsObjectId()))) {
            operations.add(Operation.replace("entitlements", List.of(Entitlement.of(target.groupsObjectId()))));
        }
        if (!operations.isEmpty()) {
            client.patchUser(target, id, new PatchRequest(List.of(PatchRequest.SCHEMA), operations), listener);
        }
        Outcome outcome = existing.isInactive() ? Outcome.REACTIVATED : Outcome.LINKED;
        log.info("Adopted existing SCIM user appKey={} scimUserId={} outcome={} operations={}", target.appKey(), id,
                outcome, operations.size());
        return new ProvisionedAccount(id, outcome);
    }

    private ProvisionedAccount create(ScimTarget target, ScimUserSpec spec, CallListener listener) {
        UserResource created;
        try {
            created = client.createUser(target, newUser(target, spec), listener);
        } catch (ProvisioningException e) {
            if (!ScimErrors.isUniquenessConflict(e)) {
                throw e;
            }
            return adoptAfterConflict(target, spec, listener, e);
        }
        String id = requireId(target, created);
        log.info("Created SCIM user appKey={} scimUserId={}", target.appKey(), id);
        return new ProvisionedAccount(id, Outcome.CREATED);
    }

    // A conflict means the userName exists. Usually a concurrent or earlier attempt created it, and it becomes
    // visible to a new search. For Salesforce it may instead belong to another org, where no search can see it.
    private ProvisionedAccount adoptAfterConflict(ScimTarget target, ScimUserSpec spec, CallListener listener,
            ProvisioningException conflict) {
        log.info("Searching again after a userName conflict on create appKey={} errorCode={}", target.appKey(),
                conflict.errorCode());
        Optional<UserResource> existing = client.findUserByUserName(target, spec.userName(), listener);
        if (existing.isPresent()) {
            return adopt(target, existing.get(), listener);
        }
        String message = target.kind() == TargetKind.SALESFORCE
                ? "userName " + spec.userName() + " is taken in another Salesforce org. Ask the person to use "
                        + "another email, or free the userName in that org."
                : "userName " + spec.userName() + " is taken in app " + target.appKey() + ", but a search does not "
                        + "find the user. Ask the app's administrator to free the userName or make the user visible "
                        + "to Grantflow.";
        throw new ProvisioningException(Kind.PERMANENT, message, conflict.httpStatus(), conflict.errorCode(),
                conflict.remoteDetail(), conflict);
    }

    private void joinGroup(ScimTarget target, String userId, CallListener listener) {
        try {
            client.addGroupMember(target, target.groupsObjectId(), userId, listener);
        } catch (ProvisioningException e) {
            if (!isAlreadyMember(e)) {
                throw e;
            }
            log.info("Treating group add as done because the user is a member already appKey={} scimUserId={} "
                    + "groupId={}", target.appKey(), userId, target.groupsObjectId());
        }
    }

    // NOTE: RFC 7644 defines no error for adding an existing member, so apps differ. This accepts a uniqueness
    // conflict or a detail that mentions "already" and "member", and other wordings still fail.
    private static boolean isAlreadyMember(ProvisioningException failure) {
        String detail = failure.remoteDetail() == null ? "" : failure.remoteDetail().toLowerCase(Locale.ROOT);
        boolean saysAlready = detail.contains("already") && detail.contains("member");
        return failure.kind() == Kind.PERMANENT && (ScimErrors.isUniquenessConflict(failure) || saysAlready);
    }

    private static UserResource newUser(ScimTarget target, ScimUserSpec spec) {
        List<Entitlement> entitlements = target.kind() == TargetKind.SALESFORCE
                ? List.of(Entitlement.of(target.groupsObjectId()))
                : null;
        return new UserResource(
                List.of(UserResource.SCHEMA),
                null,
                spec.userName(),
                new UserResource.Name(spec.givenName(), spec.familyName(), null),
                spec.displayName(),
                List.of(new UserResource.Email(spec.email(), "work", true)),
                true,
                entitlements);
    }

    private static boolean hasOnlyProfile(UserResource user, String profileId) {
        List<Entitlement> entitlements = user.entitlements();
        return entitlements != null && entitlements.size() == 1
                && sameSalesforceId(entitlements.getFirst().value(), profileId);
    }

    // Salesforce ids come in a case-sensitive 15-character form and an 18-character form that appends a
    // checksum, and an administrator may enter either.
    static boolean sameSalesforceId(String left, String right) {
        if (left.equals(right)) {
            return true;
        }
        boolean mixedForms = Math.min(left.length(), right.length()) == 15
                && Math.max(left.length(), right.length()) == 18;
        return mixedForms && left.regionMatches(0, right, 0, 15);
    }

    private static void requireEmailShape(ScimTarget target, String userName) {
        if (EMAIL_SHAPE.matcher(userName).matches()) {
            return;
        }
        String rule = target.kind() == TargetKind.SALESFORCE ? "Salesforce requires userName in email form."
                : "Grantflow provisions userName in email form.";
        throw new ProvisioningException(Kind.PERMANENT, "userName " + userName + " is not an email address. "
                + rule + " Fix the person's email in the directory.");
    }

    private static String requireId(ScimTarget target, UserResource user) {
        if (user.id() == null || user.id().isBlank()) {
            throw new ProvisioningException(Kind.PERMANENT, "App " + target.appKey() + " returned user "
                    + user.userName() + " without an id. Check that the SCIM base URL of the app points at a "
                    + "SCIM 2.0 endpoint.");
        }
        return user.id();
    }
}
