package dev.grantflow.directory;

import dev.grantflow.security.PersonAuthorities;
import dev.grantflow.security.PersonPrincipal;
import dev.grantflow.security.SecurityProperties;
import dev.grantflow.security.SignedInPerson;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs people in through an OpenID Connect provider: matches the email claim to the directory, adds
 * unknown people as requesters when allowed, and takes the name, the ADMIN role (from a group) and the
 * manager (from a claim) as the provider states them.
 */
@Service
class OidcPersonService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** OAuth 2.0 error code of a refused sign-in of a person the directory does not know. */
    static final String NOT_IN_DIRECTORY = "person_not_in_directory";
    static final String MISSING_EMAIL = "missing_email_claim";

    private static final Logger log = LoggerFactory.getLogger(OidcPersonService.class);

    private final DirectoryService directory;
    private final SecurityProperties.Oidc settings;
    private final OidcUserService provider = new OidcUserService();

    OidcPersonService(DirectoryService directory, SecurityProperties properties) {
        this.directory = directory;
        this.settings = properties.oidc();
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String email = user.getClaimAsString(settings.emailClaim());
        if (email == null || email.isBlank()) {
            log.warn("Refused OIDC sign-in without an email claim, subject={} claim={}", user.getSubject(), settings.emailClaim());
            throw refusal(MISSING_EMAIL, "The identity provider sent no " + settings.emailClaim() + " claim.");
        }
        Person person = directory.findByEmail(email).orElseGet(() -> create(email, user));
        updateFromClaims(person, user);
        SignedInPerson signedIn = new SignedInPerson(person.getId(), person.getEmail(), person.getDisplayName(),
                person.isAdmin(), directory.isApprover(person));
        log.info("Signed in through OIDC, personId={} admin={}", person.getId(), person.isAdmin());
        return new OidcPerson(user, signedIn);
    }

    private Person create(String email, OidcUser user) {
        if (!Boolean.TRUE.equals(settings.autoCreate())) {
            log.warn("Refused OIDC sign-in of a person not in the directory, email={}", email);
            throw refusal(NOT_IN_DIRECTORY, "No person with this email is in the directory.");
        }
        String name = Optional.ofNullable(user.getClaimAsString(settings.nameClaim())).filter(value -> !value.isBlank()).orElse(email);
        Person created = directory.save(new Person(email, name));
        log.info("Added person at first OIDC sign-in, personId={}", created.getId());
        return created;
    }

    private void updateFromClaims(Person person, OidcUser user) {
        String name = user.getClaimAsString(settings.nameClaim());
        if (name != null && !name.isBlank()) {
            person.setDisplayName(name);
        }
        if (settings.adminGroup() != null) {
            person.setAdmin(groups(user).contains(settings.adminGroup()));
        }
        String managerEmail = settings.managerClaim() == null ? null : user.getClaimAsString(settings.managerClaim());
        if (managerEmail != null && !managerEmail.isBlank()) {
            directory.findByEmail(managerEmail)
                    .filter(manager -> !directory.wouldCreateCycle(person.getId(), manager.getId()))
                    .ifPresentOrElse(manager -> person.setManagerId(manager.getId()),
                            () -> log.warn("Ignored manager claim, personId={} reason=unknown manager or cycle", person.getId()));
        }
        directory.save(person);
    }

    private List<String> groups(OidcUser user) {
        Object claim = user.getClaims().get(settings.groupsClaim());
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim).split("[,\\s]+"));
    }

    private static OAuth2AuthenticationException refusal(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
    }

    /** A person signed in through OpenID Connect. */
    static final class OidcPerson extends DefaultOidcUser implements PersonPrincipal {

        private final SignedInPerson person;

        OidcPerson(OidcUser user, SignedInPerson person) {
            super(PersonAuthorities.of(person), user.getIdToken(), user.getUserInfo());
            this.person = person;
        }

        @Override
        public SignedInPerson person() {
            return person;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
