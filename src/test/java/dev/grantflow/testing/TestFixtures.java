package dev.grantflow.testing;

import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.CatalogTemplate;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.directory.Person;
import dev.grantflow.sandbox.SandboxProperties;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.security.SignedInPerson;
import dev.grantflow.security.SystemActor;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Creates people and published applications for tests, each with unique names so tests can share a context.
 */
@Component
public class TestFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DirectoryService directory;
    private final CatalogService catalog;
    private final SandboxProperties sandbox;

    TestFixtures(DirectoryService directory, CatalogService catalog, SandboxProperties sandbox) {
        this.directory = directory;
        this.catalog = catalog;
        this.sandbox = sandbox;
    }

    /** Saves a person with a unique email; the display name gives given and family names. */
    public Person person(String displayName, @Nullable Person manager, boolean admin) {
        String local = displayName.toLowerCase().replace(' ', '.') + "." + SEQUENCE.incrementAndGet();
        Person person = new Person(local + "@grantflow.test", displayName);
        person.setManagerId(manager == null ? null : manager.getId());
        person.setAdmin(admin);
        return directory.save(person);
    }

    public static SignedInPerson signedIn(Person person) {
        return new SignedInPerson(person.getId(), person.getEmail(), person.getDisplayName(), person.isAdmin(), true);
    }

    /** Returns a complete form for a Salesforce app that targets the sandbox on the given port. */
    public ApplicationForm sandboxForm(int port, ApproverType approverType, @Nullable Person owner) {
        ApplicationForm form = catalog.newForm(CatalogTemplate.SALESFORCE);
        String instance = "http://localhost:" + port + "/sandbox/salesforce";
        form.setName("Salesforce test " + UUID.randomUUID());
        form.setDescription("Test application");
        form.setOwnerId(owner == null ? null : owner.getId());
        form.setApproverType(approverType);
        form.setFulfillmentEnabled(true);
        form.setBaseUri(instance + "/services/scim/v2");
        form.setNewApiKey(sandbox.refreshToken());
        form.setGroupsObjectId(SandboxStore.STANDARD_USER_PROFILE_ID);
        form.setOauthEnabled(true);
        form.setTokenUrl(instance + "/services/oauth2/token");
        form.setClientId(sandbox.clientId());
        form.setNewClientSecret(sandbox.clientSecret());
        return form;
    }

    /** Saves the form as the application's new draft and publishes it, as an admin would. */
    public void republish(long applicationId, ApplicationForm form, Person admin) {
        SystemActor.callAsAdmin(() -> {
            catalog.saveDraft(applicationId, form, admin.getId());
            return catalog.publish(applicationId, admin.getId());
        });
    }

    /** Creates and publishes an application from the form, as an admin would, and returns its id. */
    public long publish(ApplicationForm form, Person admin) {
        return SystemActor.callAsAdmin(() -> {
            long id = catalog.create(form, admin.getId());
            catalog.publish(id, admin.getId());
            return id;
        });
    }
}
