package dev.grantflow.provisioning;

import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.CatalogTemplate;
import dev.grantflow.catalog.PublishedApplication;
import dev.grantflow.catalog.RevokeMode;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestProgress;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Provisions an approved request: builds the SCIM target from the application's published settings and
 * the user from the directory, creates or links the account, and records the result on the request.
 * Failures surface as {@link ProvisioningException}, which the caller retries or reports.
 */
@Service
public class ProvisioningService {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningService.class);

    private final RequestService requests;
    private final RequestProgress progress;
    private final CatalogService catalog;
    private final DirectoryService directory;
    private final ScimTargets targets;
    private final ScimProvisioner provisioner;
    private final ProvisioningLog callLog;
    private final ConnectionService connections;

    ProvisioningService(RequestService requests, RequestProgress progress, CatalogService catalog,
                        DirectoryService directory, ScimTargets targets, ScimProvisioner provisioner,
                        ProvisioningLog callLog, ConnectionService connections) {
        this.requests = requests;
        this.progress = progress;
        this.catalog = catalog;
        this.directory = directory;
        this.targets = targets;
        this.provisioner = provisioner;
        this.callLog = callLog;
        this.connections = connections;
    }

    /** Provisions the request's access; does nothing when it is already provisioned. */
    public void provision(long requestId) {
        RequestView request = requests.get(requestId);
        if (request.status() == RequestStatus.PROVISIONED) {
            log.info("Request already provisioned, skipping, requestId={}", requestId);
            return;
        }
        progress.provisioningStarted(requestId);
        PublishedApplication application = publishedApplication(request);
        Person person = directory.require(request.requesterId());
        ScimUserSpec user = new ScimUserSpec(person.getEmail(), person.givenName(), person.familyName(),
                person.getDisplayName(), person.getEmail());
        ScimTarget target = target(application);
        ProvisionedAccount account = withConnection(application,
                () -> provisioner.provision(target, user, callLog.forRequest(requestId)));
        progress.provisioned(requestId, account.scimUserId(), summary(account, application, user));
    }

    /**
     * Revokes the request's access: deactivates the account, or for a generic SCIM application set to
     * do so, removes it from the group only.
     */
    public void revoke(long requestId) {
        RequestView request = requests.get(requestId);
        if (request.status() == RequestStatus.REVOKED) {
            log.info("Request already revoked, skipping, requestId={}", requestId);
            return;
        }
        String scimUserId = request.scimUserId();
        if (scimUserId == null) {
            throw new ProvisioningException(ProvisioningException.Kind.PERMANENT, "Request " + requestId
                    + " has no account in the target application, so there is nothing to revoke.");
        }
        PublishedApplication application = publishedApplication(request);
        ScimTarget target = target(application);
        CallListener calls = callLog.forRequest(requestId);
        boolean groupOnly = application.template() == CatalogTemplate.SCIM2 && application.revokeMode() == RevokeMode.REMOVE_FROM_GROUP;
        withConnection(application, () -> {
            if (application.template() == CatalogTemplate.SCIM2) {
                provisioner.removeFromGroup(target, scimUserId, calls);
            }
            if (!groupOnly) {
                provisioner.deactivate(target, scimUserId, calls);
            }
            return scimUserId;
        });
        progress.revoked(requestId, (groupOnly ? "Removed account " + scimUserId + " from group " + application.groupsObjectId()
                : "Deactivated account " + scimUserId) + " in " + application.name() + ".");
    }

    private PublishedApplication publishedApplication(RequestView request) {
        return catalog.findPublished(request.applicationId())
                .orElseThrow(() -> new ProvisioningException(ProvisioningException.Kind.PERMANENT, "Application "
                        + request.applicationName() + " is no longer published. Publish it again, then retry."));
    }

    /**
     * Runs a call to the target unless the connection waits for re-authorization, and marks the connection
     * when the call fails for lack of authorization, so the application's other jobs hold instead of failing.
     */
    private <T> T withConnection(PublishedApplication application, java.util.function.Supplier<T> call) {
        connections.reauthorizationNeeded(application.id()).ifPresent(detail -> {
            throw new ProvisioningException(ProvisioningException.Kind.AUTHORIZATION, "The connection of "
                    + application.name() + " needs re-authorization: " + detail);
        });
        try {
            return call.get();
        } catch (ProvisioningException e) {
            if (e.kind() == ProvisioningException.Kind.AUTHORIZATION) {
                connections.markNeedsReauthorization(application.id(), e.getMessage());
            }
            throw e;
        }
    }

    private ScimTarget target(PublishedApplication application) {
        return targets.build(application.connection(), ScimTargets.PUBLISH_THEN_RETRY);
    }

    private static String summary(ProvisionedAccount account, PublishedApplication application, ScimUserSpec user) {
        String what = switch (account.outcome()) {
            case CREATED -> "Created";
            case LINKED -> "Linked the existing";
            case REACTIVATED -> "Reactivated the existing";
        };
        String entitlement = application.template() == CatalogTemplate.SALESFORCE
                ? " with profile " + application.groupsObjectId() : " in group " + application.groupsObjectId();
        return what + " account " + user.userName() + " in " + application.name() + entitlement
                + " (id " + account.scimUserId() + ").";
    }
}
