package dev.grantflow.audit;

import dev.grantflow.catalog.ApplicationDraftSaved;
import dev.grantflow.catalog.ApplicationPublished;
import dev.grantflow.provisioning.ConnectionStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits changes to applications and their connections. The listeners run synchronously inside the
 * publisher's transaction, so the row commits or rolls back with the change.
 */
@Component
class ConfigurationAuditListener {

    private final AuditService audit;
    private final AuditSubjects subjects;

    ConfigurationAuditListener(AuditService audit, AuditSubjects subjects) {
        this.audit = audit;
        this.subjects = subjects;
    }

    @EventListener
    void onDraftSaved(ApplicationDraftSaved saved) {
        AuditAction action = saved.created() ? AuditAction.APPLICATION_CREATED : AuditAction.APPLICATION_DRAFT_SAVED;
        String detail = saved.created() ? "Created the application as a draft."
                : "Saved the draft; the live version stays as it is until the next publish.";
        audit.record(action, subjects.person(saved.actorId()),
                AuditTarget.application(saved.applicationId(), saved.applicationName()), AuditOutcome.SUCCESS, detail);
    }

    /** Records the publish. A changed secret shows only as "API key changed", never with its value. */
    @EventListener
    void onPublished(ApplicationPublished published) {
        String detail = "Published version " + published.version() + "."
                + (published.apiKeyChanged() ? " API key changed." : "");
        audit.record(AuditAction.APPLICATION_PUBLISHED, subjects.person(published.actorId()),
                subjects.application(published.applicationId()), AuditOutcome.SUCCESS, detail);
    }

    @EventListener
    void onConnectionStatusChanged(ConnectionStatusChanged changed) {
        boolean connected = ConnectionStatusChanged.CONNECTED.equals(changed.status());
        String detail = (connected ? "Connected. " : "Needs re-authorization. ") + changed.detail();
        audit.record(AuditAction.CONNECTION_STATUS_CHANGED, subjects.signedInOrSystem(),
                subjects.application(changed.applicationId()), connected ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                detail);
    }
}
