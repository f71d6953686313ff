package dev.grantflow.security;

/**
 * Role names as used in {@code @RolesAllowed}; Spring Security adds the {@code ROLE_} prefix to authorities.
 */
public final class Roles {

    /** Everyone who can sign in. */
    public static final String REQUESTER = "REQUESTER";
    /** Managers and application owners: people who may receive approval tasks. */
    public static final String APPROVER = "APPROVER";
    /** Administrators, who configure applications and are the fallback approvers. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
