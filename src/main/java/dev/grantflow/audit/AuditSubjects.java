package dev.grantflow.audit;

import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.PublishedApplication;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestView;
import dev.grantflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Looks up the names that audit rows copy, so a row still reads well after a person or an application
 * is renamed. A lookup that finds nothing falls back to the id instead of failing the audited action.
 */
@Component
class AuditSubjects {

    private final DirectoryService directory;
    private final CatalogService catalog;

    AuditSubjects(DirectoryService directory, CatalogService catalog) {
        this.directory = directory;
        this.catalog = catalog;
    }

    AuditActor person(long personId) {
        String name = directory.find(personId).map(Person::getDisplayName).orElse("Person " + personId);
        return new AuditActor(personId, name);
    }

    /**
     * Returns the signed-in person, for events that carry no actor: an admin's publish that reset a
     * connection, for example. Jobs run without a signed-in person, so their events get Grantflow itself.
     */
    AuditActor signedInOrSystem() {
        return CurrentUser.find()
                .map(person -> new AuditActor(person.personId(), person.displayName()))
                .orElseGet(AuditActor::system);
    }

    AuditTarget application(long applicationId) {
        String name = catalog.findPublished(applicationId).map(PublishedApplication::name)
                .orElse("Application " + applicationId);
        return AuditTarget.application(applicationId, name);
    }

    /** Returns the request as a target named after its application and requester, the words admins search for. */
    static AuditTarget request(RequestView request) {
        return AuditTarget.request(request.id(), request.applicationName() + " for " + request.requesterName());
    }
}
