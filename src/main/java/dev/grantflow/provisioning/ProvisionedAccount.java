package dev.grantflow.provisioning;

import java.util.Objects;

/**
 * Account in the SCIM app that now carries the approved access.
 *
 * @param scimUserId id of the user in the SCIM app
 * @param outcome    what Grantflow did to obtain the account
 */
public record ProvisionedAccount(String scimUserId, Outcome outcome) {

    public ProvisionedAccount {
        Objects.requireNonNull(scimUserId, "scimUserId");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Action that produced the account. */
    public enum Outcome {
        /** Grantflow created a new user. */
        CREATED,
        /** An active user with the same userName existed, and Grantflow adopted it. */
        LINKED,
        /** An inactive user with the same userName existed, and Grantflow activated it again. */
        REACTIVATED
    }
}
