package dev.grantflow.directory;

import dev.grantflow.security.PersonAuthorities;
import dev.grantflow.security.PersonPrincipal;
import dev.grantflow.security.SecurityProperties;
import dev.grantflow.security.SignedInPerson;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
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
    private final SecurityProperties properties;

    LocalAccountService(DirectoryService directory, SecurityProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        if (!properties.localLogin()) {
            throw new UsernameNotFoundException("Local sign-in is off; set grantflow.security.local-login=true to allow it");
        }
        Person person = directory.findByEmail(email)
                .filter(found -> found.getPasswordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No local account for this email"));
        boolean approver = directory.isApprover(person);
        SignedInPerson signedIn = new SignedInPerson(person.getId(), person.getEmail(), person.getDisplayName(),
                person.isAdmin(), approver);
        return new LocalUser(person.getEmail(), person.getPasswordHash(), PersonAuthorities.of(signedIn), signedIn);
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
