package dev.grantflow.security;

/**
 * The person behind the current session, as the directory knew them at sign-in.
 *
 * @param approver whether the person manages someone or owns an application, so has an inbox
 */
public record SignedInPerson(long personId, String email, String displayName, boolean admin, boolean approver) {
}
