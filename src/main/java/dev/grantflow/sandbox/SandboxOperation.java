package dev.grantflow.sandbox;

/**
 * Kinds of request that the sandbox serves. A {@link SandboxFault} targets one kind, or every SCIM
 * request with {@link #SCIM_ANY}.
 */
public enum SandboxOperation {
    TOKEN,
    SCIM_ANY,
    SERVICE_PROVIDER_CONFIG,
    LIST_USERS,
    CREATE_USER,
    GET_USER,
    REPLACE_USER,
    PATCH_USER,
    DELETE_USER,
    LIST_ENTITLEMENTS,
    GET_ENTITLEMENT,
    GET_GROUP,
    PATCH_GROUP;

    /** Tells whether a fault aimed at this operation applies to a request of kind {@code request}. */
    public boolean matches(SandboxOperation request) {
        if (this == SCIM_ANY) {
            return request != TOKEN && request != SCIM_ANY;
        }
        return this == request;
    }
}
