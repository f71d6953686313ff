package dev.grantflow.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Spring Security authorities of a signed-in person, the same whatever the sign-in method.
 */
public final class PersonAuthorities {

    private PersonAuthorities() {
    }

    public static List<GrantedAuthority> of(SignedInPerson person) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.REQUESTER));
        if (person.approver()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.APPROVER));
        }
        if (person.admin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
        }
        return authorities;
    }
}
