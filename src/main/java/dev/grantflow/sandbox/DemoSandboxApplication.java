package dev.grantflow.sandbox;

import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.CatalogTemplate;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.directory.Person;
import dev.grantflow.security.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes the "Salesforce (sandbox)" application in the demo, pointing at this server's sandbox with a
 * working refresh token. It runs once the application is ready: the Base URI needs the server's port,
 * and the owner comes from the demo directory.
 */
@Component
@Profile("demo")
class DemoSandboxApplication {

    static final String NAME = "Salesforce (sandbox)";
    static final String ADMIN_EMAIL = "admin@grantflow.example";
    static final String OWNER_EMAIL = "owner@grantflow.example";

    private static final Logger log = LoggerFactory.getLogger(DemoSandboxApplication.class);

    private final CatalogService catalog;
    private final DirectoryService directory;
    private final SandboxProperties sandbox;
    private final Environment environment;

    DemoSandboxApplication(CatalogService catalog, DirectoryService directory, SandboxProperties sandbox,
                           Environment environment) {
        this.catalog = catalog;
        this.directory = directory;
        this.sandbox = sandbox;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onApplicationReady() {
        boolean present = SystemActor.callAsAdmin(() -> catalog.listRequestable()).stream().anyMatch(entry -> entry.name().equals(NAME));
        if (present || directory.findByEmail(ADMIN_EMAIL).isEmpty()) {
            return;
        }
        long adminId = directory.findByEmail(ADMIN_EMAIL).orElseThrow().getId();
        ApplicationForm form = catalog.newForm(CatalogTemplate.SALESFORCE);
        String instance = "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/sandbox/salesforce";
        form.setName(NAME);
        form.setDescription("A Salesforce-compatible sandbox org served by Grantflow itself. New users get the Standard User profile.");
        form.setOwnerId(directory.findByEmail(OWNER_EMAIL).map(Person::getId).orElse(null));
        form.setApproverType(ApproverType.MANAGER);
        form.setBaseUri(instance + "/services/scim/v2");
        form.setNewApiKey(sandbox.refreshToken());
        form.setGroupsObjectId(SandboxStore.STANDARD_USER_PROFILE_ID);
        form.setOauthEnabled(true);
        form.setTokenUrl(instance + "/services/oauth2/token");
        form.setClientId(sandbox.clientId());
        form.setNewClientSecret(sandbox.clientSecret());
        long applicationId = SystemActor.callAsAdmin(() -> {
            long id = catalog.create(form, adminId);
            catalog.publish(id, adminId);
            return id;
        });
        log.info("Published the demo sandbox application, applicationId={} baseUri={}", applicationId, form.getBaseUri());
    }
}
