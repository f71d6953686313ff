package dev.grantflow.directory;

import dev.grantflow.security.PersonPrincipal;
import dev.grantflow.security.Roles;
import dev.grantflow.security.SignedInPerson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs people in with local accounts (email and password), as the demo directory does.
 */
@Service
class LocalAccountService implements UserDetailsService {

    private final DirectoryService directory;

    LocalAccountService(DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Person person = directory.findByEmail(email)
                .filter(found -> found.getPasswordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No local account for this email"));
        boolean approver = directory.isApprover(person);
        SignedInPerson signedIn = new SignedInPerson(person.getId(), person.getEmail(), person.getDisplayName(),
                person.isAdmin(), approver);
        return new LocalUser(person.getEmail(), person.getPasswordHash(), authorities(signedIn), signedIn);
    }

    static List<GrantedAuthority> authorities(SignedInPerson person) {
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

    /** A signed-in local account that carries the directory's view of the person. */
    static final class LocalUser extends User implements PersonPrincipal {

        private final SignedInPerson person;

        LocalUser(String email, String passwordHash, Collection<? extends GrantedAuthority> authorities,
                  SignedInPerson person) {
            super(email, passwordHash, authorities);
            this.person = person;
        }

        @Override
        public SignedInPerson person() {
            return person;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
