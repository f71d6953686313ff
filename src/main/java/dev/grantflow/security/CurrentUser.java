package dev.grantflow.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads the signed-in person from the security context.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** Returns the signed-in person, if any. */
    public static Optional<SignedInPerson> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PersonPrincipal principal) {
            return Optional.of(principal.person());
        }
        return Optional.empty();
    }

    /** Returns the signed-in person, or throws {@link AccessDeniedException} when nobody is signed in. */
    public static SignedInPerson require() {
        return find().orElseThrow(() -> new AccessDeniedException("Sign in to continue."));
    }
}
