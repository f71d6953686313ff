package dev.grantflow.directory;

import dev.grantflow.security.SignedInPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Lets only admins manage the directory. The actor must have signed in as an admin and still be one in the
 * directory, so removing someone's ADMIN role takes effect before their next sign-in.
 */
@Component
class AdminGuard {

    private static final Logger log = LoggerFactory.getLogger(AdminGuard.class);

    private final PersonRepository people;

    AdminGuard(PersonRepository people) {
        this.people = people;
    }

    /**
     * Throws {@link AccessDeniedException} unless the actor is an admin.
     *
     * @param action what the actor tried, completing "Only admins can ..."
     * @param target what the action applies to, for the log
     */
    void requireAdmin(SignedInPerson actor, String action, String target) {
        boolean admin = actor.admin() && people.findById(actor.personId()).map(Person::isAdmin).orElse(false);
        if (!admin) {
            log.warn("Denied directory action, actorId={} action=\"{}\" target={}", actor.personId(), action, target);
            throw new AccessDeniedException("Only admins can " + action + ". Ask an admin to make this change.");
        }
    }
}
