package dev.grantflow.approval;

import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.PublishedApplication;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestView;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds who decides a stage: the requester's manager, or the application's owner. When there is none,
 * or it would be the requester, the stage goes to the admins and the result gives the reason.
 */
@Component
class ApproverResolver {

    /** The approver of a stage: a person, or the admins' group when {@code personId} is null. */
    record ResolvedApprover(@Nullable Long personId, String description, @Nullable String fallbackReason) {
    }

    private final RequestService requests;
    private final DirectoryService directory;
    private final CatalogService catalog;

    ApproverResolver(RequestService requests, DirectoryService directory, CatalogService catalog) {
        this.requests = requests;
        this.directory = directory;
        this.catalog = catalog;
    }

    ResolvedApprover resolve(long requestId, ApprovalStage stage) {
        RequestView request = requests.get(requestId);
        return switch (stage) {
            case MANAGER -> resolveManager(request);
            case APPLICATION_OWNER -> resolveOwner(request);
        };
    }

    private ResolvedApprover resolveManager(RequestView request) {
        Optional<Person> manager = directory.managerOf(request.requesterId());
        if (manager.isEmpty()) {
            return admins("no manager is on record",
                    "No manager is on record for " + request.requesterName() + ", so the administrators decide.");
        }
        if (manager.get().getId() == request.requesterId()) {
            return admins("the requester is recorded as their own manager",
                    request.requesterName() + " is recorded as their own manager, so the administrators decide.");
        }
        return new ResolvedApprover(manager.get().getId(), manager.get().getDisplayName(), null);
    }

    private ResolvedApprover resolveOwner(RequestView request) {
        Long ownerId = catalog.findPublished(request.applicationId()).map(PublishedApplication::ownerId).orElse(null);
        if (ownerId == null) {
            return admins("the application has no owner",
                    request.applicationName() + " has no application owner, so the administrators decide.");
        }
        if (ownerId == request.requesterId()) {
            return admins("the requester owns the application", request.requesterName() + " owns "
                    + request.applicationName() + " and cannot approve their own request, so the administrators decide.");
        }
        Optional<Person> owner = directory.find(ownerId);
        if (owner.isEmpty()) {
            return admins("the owner is no longer in the directory", "The owner of " + request.applicationName()
                    + " is no longer in the directory, so the administrators decide.");
        }
        return new ResolvedApprover(ownerId, owner.get().getDisplayName(), null);
    }

    private static ResolvedApprover admins(String shortReason, String reason) {
        return new ResolvedApprover(null, "the administrators, because " + shortReason, reason);
    }
}
