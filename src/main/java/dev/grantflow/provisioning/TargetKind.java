package dev.grantflow.provisioning;

/**
 * Dialect of the SCIM 2.0 endpoint, which decides how the app's Groups Object ID is used.
 */
public enum TargetKind {
    /** Salesforce: the Groups Object ID is a profile id, assigned as the user's single entitlement. */
    SALESFORCE,
    /** Any other SCIM 2.0 app: the Groups Object ID is a group that the user joins. */
    GENERIC_SCIM
}
