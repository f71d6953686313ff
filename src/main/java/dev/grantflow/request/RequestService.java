package dev.grantflow.request;

import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.PublishedApplication;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.directory.Person;
import dev.grantflow.security.SignedInPerson;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits access requests and returns them to requesters, admins and other features.
 * Status changes made by approval and provisioning go through {@link RequestProgress}.
 */
@Service
@Transactional(readOnly = true)
public class RequestService {

    static final int MAX_JUSTIFICATION = 2000;

    /** Statuses that put a request in the admins' failure queue. */
    static final List<RequestStatus> QUEUE_STATUSES =
            List.of(RequestStatus.FAILED, RequestStatus.ON_HOLD, RequestStatus.REVOCATION_FAILED);

    private static final Logger log = LoggerFactory.getLogger(RequestService.class);

    private final AccessRequestRepository requests;
    private final RequestEventRepository history;
    private final CatalogService catalog;
    private final DirectoryService directory;
    private final ApplicationEventPublisher events;

    RequestService(AccessRequestRepository requests, RequestEventRepository history, CatalogService catalog,
                   DirectoryService directory, ApplicationEventPublisher events) {
        this.requests = requests;
        this.history = history;
        this.catalog = catalog;
        this.directory = directory;
        this.events = events;
    }

    /**
     * Submits a request and starts its approval. Throws {@link RequestRejectedException} with a message for
     * the requester when the justification is missing, the application is not requestable, or the person
     * already has an open request for it.
     */
    @Transactional
    public RequestView submit(long requesterId, long applicationId, String justification) {
        String reason = justification.strip();
        if (reason.isEmpty()) {
            throw new RequestRejectedException("Enter a justification: say why you need access, so the approver can decide.");
        }
        if (reason.length() > MAX_JUSTIFICATION) {
            throw new RequestRejectedException("The justification has " + reason.length()
                    + " characters; shorten it to at most " + MAX_JUSTIFICATION + ".");
        }
        PublishedApplication application = catalog.findPublished(applicationId)
                .filter(PublishedApplication::fulfillmentEnabled)
                .orElseThrow(() -> new RequestRejectedException("Application " + applicationId
                        + " is not in the catalog. Choose an application from the catalog."));
        Person requester = directory.require(requesterId);
        rejectIfOpen(requesterId, application);

        AccessRequest request = new AccessRequest();
        request.requesterId = requesterId;
        request.applicationId = applicationId;
        request.applicationName = application.name();
        request.justification = reason;
        request.approverType = application.approverType();
        request.moveTo(RequestStatus.PENDING_APPROVAL, null);
        try {
            requests.saveAndFlush(request);
        } catch (DataIntegrityViolationException e) {
            // Two submissions raced past the check above; the unique open key let only one in.
            throw new RequestRejectedException("You already have an open request for " + application.name()
                    + ". Open it under My requests.");
        }
        history.save(new RequestEvent(request.requireId(), requesterId, requester.getDisplayName(),
                RequestEventType.SUBMITTED, "Requested access: " + reason));
        events.publishEvent(new AccessRequestSubmitted(request.requireId(), requesterId, applicationId,
                request.approverType));
        log.info("Submitted access request, requestId={} requesterId={} applicationId={} approverType={}",
                request.id, requesterId, applicationId, request.approverType);
        return toView(request, requester.getDisplayName());
    }

    /** Returns the person's own requests, newest first. */
    public Page<RequestView> listMine(long requesterId, Pageable pageable) {
        String name = directory.require(requesterId).getDisplayName();
        return requests.findByRequesterIdOrderByCreatedAtDesc(requesterId, pageable).map(request -> toView(request, name));
    }

    /** Returns the person's open requests by application id, so the catalog can show them. */
    public Map<Long, RequestView> openRequestsOf(long requesterId) {
        String name = directory.require(requesterId).getDisplayName();
        return requests.findByRequesterIdAndOpenKeyIsNotNull(requesterId).stream()
                .collect(Collectors.toMap(request -> request.applicationId, request -> toView(request, name)));
    }

    public long countMine(long requesterId) {
        return requests.countByRequesterId(requesterId);
    }

    /** Returns a request for someone allowed to see it: the requester or an admin. */
    public RequestView get(long requestId, SignedInPerson viewer) {
        RequestView request = get(requestId);
        if (request.requesterId() != viewer.personId() && !viewer.admin()) {
            log.warn("Denied viewing a request, personId={} requestId={}", viewer.personId(), requestId);
            throw new AccessDeniedException("You can only open your own requests.");
        }
        return request;
    }

    /** Returns a request, for other features that have already checked the caller. */
    public RequestView get(long requestId) {
        AccessRequest request = requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
        return toView(request, directory.require(request.requesterId).getDisplayName());
    }

    /** Returns the requests with the given ids, by id; unknown ids are left out. */
    public Map<Long, RequestView> getAll(Collection<Long> requestIds) {
        List<AccessRequest> found = requests.findByIdIn(requestIds);
        Map<Long, String> names = directory.displayNames(found.stream().map(r -> r.requesterId).collect(Collectors.toSet()));
        return found.stream()
                .map(request -> toView(request, names.getOrDefault(request.requesterId, "Unknown person")))
                .collect(Collectors.toMap(RequestView::id, Function.identity()));
    }

    /** Returns the history of a request, oldest first. */
    public List<HistoryEntry> history(long requestId) {
        return history.findByRequestIdOrderByOccurredAtAscIdAsc(requestId).stream()
                .map(event -> new HistoryEntry(event.occurredAt, event.actorName, event.type, event.message))
                .toList();
    }

    /** Returns the failure queue: failed, held and failed-revocation requests, most recently changed first; admins only. */
    public Page<RequestView> listQueue(SignedInPerson viewer, Pageable pageable) {
        requireAdmin(viewer, "list the failure queue");
        Page<AccessRequest> page = requests.findByStatusInOrderByUpdatedAtDesc(QUEUE_STATUSES, pageable);
        Map<Long, String> names = directory.displayNames(page.map(request -> request.requesterId).toSet());
        return page.map(request -> toView(request, names.getOrDefault(request.requesterId, "Unknown person")));
    }

    public long countQueue() {
        return requests.countByStatusIn(QUEUE_STATUSES);
    }

    public long countByStatus(RequestStatus status) {
        return requests.countByStatusIn(List.of(status));
    }

    /** Runs a failed or held provisioning, or a failed revocation, again; admins only. */
    @Transactional
    public void retryProvisioning(long requestId, SignedInPerson actor) {
        requireAdmin(actor, "retry provisioning");
        AccessRequest request = requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
        if (!QUEUE_STATUSES.contains(request.status)) {
            throw new RequestRejectedException("Request " + requestId + " is " + request.status.displayName()
                    + ", so there is nothing to retry.");
        }
        RequestStatus next = request.status == RequestStatus.REVOCATION_FAILED ? RequestStatus.REVOKING : RequestStatus.PROVISIONING;
        request.moveTo(next, "Retry requested by " + actor.displayName());
        request.attempts = 0;
        history.save(new RequestEvent(requestId, actor.personId(), actor.displayName(), RequestEventType.RETRY_REQUESTED,
                next == RequestStatus.REVOKING ? "Asked to retry the revocation." : "Asked to retry provisioning."));
        events.publishEvent(new ProvisioningRetryRequested(requestId, actor.personId()));
        log.info("Requested provisioning retry, requestId={} actorId={}", requestId, actor.personId());
    }

    /** Retries every queued request of one application, and returns how many; admins only. */
    @Transactional
    public int retryAll(long applicationId, SignedInPerson actor) {
        requireAdmin(actor, "retry provisioning");
        List<AccessRequest> queued = requests.findByApplicationIdAndStatusIn(applicationId, QUEUE_STATUSES);
        queued.forEach(request -> retryProvisioning(request.requireId(), actor));
        return queued.size();
    }

    /**
     * Revokes provisioned access: the requester for their own access, or an admin. The account is
     * deactivated in the target by an asynchronous step.
     */
    @Transactional
    public void revoke(long requestId, SignedInPerson actor) {
        AccessRequest request = requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
        if (request.requesterId != actor.personId() && !actor.admin()) {
            log.warn("Denied revoking another person's access, personId={} requestId={}", actor.personId(), requestId);
            throw new AccessDeniedException("You can only revoke your own access.");
        }
        if (request.status != RequestStatus.PROVISIONED) {
            throw new RequestRejectedException("Request " + requestId + " is " + request.status.displayName()
                    + "; only provisioned access can be revoked.");
        }
        request.moveTo(RequestStatus.REVOKING, "Requested by " + actor.displayName());
        request.attempts = 0;
        history.save(new RequestEvent(requestId, actor.personId(), actor.displayName(), RequestEventType.REVOCATION_REQUESTED,
                "Asked to revoke access."));
        events.publishEvent(new RevocationRequested(requestId, actor.personId()));
        log.info("Requested revocation, requestId={} actorId={}", requestId, actor.personId());
    }

    /** Lets held requests of an application continue, once its connection works again. */
    @Transactional
    public void resumeHeld(long applicationId, String reason) {
        List<AccessRequest> held = requests.findByApplicationIdAndStatusIn(applicationId, List.of(RequestStatus.ON_HOLD));
        for (AccessRequest request : held) {
            request.moveTo(RequestStatus.PROVISIONING, reason);
            request.attempts = 0;
            history.save(new RequestEvent(request.requireId(), null, RequestProgress.SYSTEM_ACTOR,
                    RequestEventType.PROVISIONING_RESUMED, "Provisioning resumed: " + reason));
        }
        if (!held.isEmpty()) {
            events.publishEvent(new ProvisioningResumeRequested(applicationId,
                    held.stream().map(AccessRequest::requireId).toList()));
            log.info("Resuming held provisioning, applicationId={} requests={}", applicationId, held.size());
        }
    }

    private static void requireAdmin(SignedInPerson actor, String action) {
        if (!actor.admin()) {
            log.warn("Denied admin action, personId={} action={}", actor.personId(), action);
            throw new AccessDeniedException("Only admins can " + action + ".");
        }
    }

    private void rejectIfOpen(long requesterId, PublishedApplication application) {
        requests.findByOpenKey(requesterId + ":" + application.id()).ifPresent(open -> {
            if (open.status == RequestStatus.PROVISIONED) {
                throw new RequestRejectedException("You already have access to " + application.name()
                        + " (request " + open.id + ").");
            }
            throw new RequestRejectedException("You already have an open request for " + application.name()
                    + " (request " + open.id + ", " + open.status.displayName() + "). Open it under My requests.");
        });
    }

    static RequestView toView(AccessRequest request, String requesterName) {
        return new RequestView(request.requireId(), request.requesterId, requesterName, request.applicationId,
                request.applicationName, request.justification, request.approverType, request.status,
                request.statusDetail, request.scimUserId, request.createdAt, request.updatedAt, request.attempts);
    }
}
