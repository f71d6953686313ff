package dev.grantflow.security;

/**
 * Implemented by every principal Grantflow signs in, whatever the sign-in method.
 */
public interface PersonPrincipal {

    SignedInPerson person();
}
