package dev.grantflow.provisioning;

import dev.grantflow.catalog.ApplicationNotFoundException;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.Roles;
import dev.grantflow.security.SignedInPerson;
import jakarta.annotation.security.RolesAllowed;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Ends "Connect to Salesforce" on the application's connection view. Spring Security's filters handle a
 * valid callback first and store the token. This controller receives the requests they pass on: their
 * redirect after success or failure, a callback whose state matches no started flow, and start requests
 * that the draft's settings cannot serve. Each case records a {@link ConnectOutcome} for the view.
 */
@Controller
class ConnectController {

    private static final Logger log = LoggerFactory.getLogger(ConnectController.class);

    private final CatalogService catalog;
    private final ConnectOutcomes outcomes;

    ConnectController(CatalogService catalog, ConnectOutcomes outcomes) {
        this.catalog = catalog;
        this.outcomes = outcomes;
    }

    @GetMapping(SalesforceConnect.CALLBACK_PATH + "/{registrationId}")
    @RolesAllowed(Roles.ADMIN)
    String callback(@PathVariable String registrationId, @RequestParam MultiValueMap<String, String> parameters) {
        OptionalLong applicationId = SalesforceConnect.applicationId(registrationId);
        if (applicationId.isEmpty()) {
            return "redirect:/admin/applications";
        }
        long id = applicationId.getAsLong();
        SignedInPerson admin = CurrentUser.require();
        String error = parameters.getFirst("error");
        if (error != null) {
            fail(admin, id, error, parameters.getFirst("error_description"));
        } else if (parameters.containsKey("code") || parameters.containsKey("state")) {
            // A valid callback never gets here, because the filter consumes it when its state matches the started flow.
            fail(admin, id, ConnectErrors.STATE_MISMATCH, null);
        } else if (!outcomes.contains(admin.personId(), id)) {
            outcomes.put(admin.personId(), id, ConnectOutcome.failed(
                    "Connecting ended without a response from Salesforce. Click \"Connect to Salesforce\" again."));
        }
        return connectionView(id);
    }

    /** Receives start requests that the resolver declined for an admin, because the draft cannot connect. */
    @GetMapping(SalesforceConnect.AUTHORIZATION_PATH + "/{registrationId}")
    @RolesAllowed(Roles.ADMIN)
    String cannotStart(@PathVariable String registrationId) {
        OptionalLong applicationId = SalesforceConnect.applicationId(registrationId);
        if (applicationId.isEmpty()) {
            return "redirect:/admin/applications";
        }
        long id = applicationId.getAsLong();
        String problem;
        try {
            problem = SalesforceConnect.problem(catalog.draftConnection(id));
        } catch (ApplicationNotFoundException e) {
            return "redirect:/admin/applications";
        }
        String message = problem != null ? "Cannot connect yet. " + problem
                : "Starting to connect failed because the client secret could not be opened. Enter it again, save, then connect.";
        outcomes.put(CurrentUser.require().personId(), id, ConnectOutcome.failed(message));
        log.info("Declined to start connecting an application, applicationId={}", id);
        return connectionView(id);
    }

    private void fail(SignedInPerson admin, long applicationId, String error, @Nullable String description) {
        outcomes.put(admin.personId(), applicationId, ConnectOutcome.failed(ConnectErrors.message(error, description)));
        log.info("Connecting an application failed, applicationId={} actorId={} error={}",
                applicationId, admin.personId(), error.replaceAll("[^A-Za-z0-9_.-]", "?"));
    }

    private static String connectionView(long applicationId) {
        return "redirect:/admin/applications/" + applicationId + "/connection";
    }
}
