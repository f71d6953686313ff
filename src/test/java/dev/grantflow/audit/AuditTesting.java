package dev.grantflow.audit;

import dev.grantflow.directory.Person;
import dev.grantflow.security.PersonPrincipal;
import dev.grantflow.security.Roles;
import dev.grantflow.security.SignedInPerson;
import dev.grantflow.testing.TestFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs test code as a signed-in person, with the roles the directory gives them, on the current thread only.
 */
final class AuditTesting {

    private AuditTesting() {
    }

    static <T> T as(Person person, Supplier<T> work) {
        SignedInPerson signedIn = TestFixtures.signedIn(person);
        PersonPrincipal principal = () -> signedIn;
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.REQUESTER));
        if (person.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
