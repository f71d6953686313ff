package dev.grantflow.audit;

import dev.grantflow.provisioning.Redactor;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.SignedInPerson;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the audit log and lets admins search and export it. Search, count and export check
 * that the signed-in person is an admin, so their callers need no check of their own.
 */
@Service
public class AuditService {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);

    private final AuditEventRepository events;

    AuditService(AuditEventRepository events) {
        this.events = events;
    }

    /**
     * Appends an event to the audit log. It joins the caller's transaction instead of starting its own
     * (REQUIRES_NEW), so the row commits exactly when the audited action commits and rolls back with it.
     * MANDATORY makes a call outside a transaction fail instead of writing a row for an action that may
     * never commit. The detail passes through {@link Redactor} as a last guard against tokens.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, AuditActor actor, AuditTarget target, AuditOutcome outcome, String detail) {
        events.save(new AuditEvent(Instant.now(), actor, action, target, outcome, Redactor.redact(detail)));
        log.debug("Recorded audit event, action={} targetType={} targetId={} outcome={} actorId={}",
                action, target.type(), target.id(), outcome, actor.id());
    }

    /** Returns a page of matching entries, newest first unless the pageable sorts otherwise; admins only. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(AuditFilter filter, Pageable pageable) {
        requireAdmin("search the audit log");
        return PageableExecutionUtils.getPage(events.findEntries(filter, pageable), pageable,
                () -> events.countEntries(filter));
    }

    /** Returns how many entries match; admins only. */
    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        requireAdmin("search the audit log");
        return events.countEntries(filter);
    }

    /**
     * Writes every matching entry as CSV to the writer, newest first, reading rows as they are written
     * instead of loading them all; admins only. The writer is flushed but not closed.
     */
    @Transactional(readOnly = true)
    public void exportCsv(AuditFilter filter, Writer writer) throws IOException {
        SignedInPerson admin = requireAdmin("export the audit log");
        long rows = 0;
        AuditCsv.writeHeader(writer);
        try (Stream<AuditEntry> entries = events.streamEntries(filter)) {
            Iterator<AuditEntry> iterator = entries.iterator();
            while (iterator.hasNext()) {
                AuditCsv.writeRow(writer, iterator.next());
                rows++;
            }
        }
        writer.flush();
        log.info("Exported audit log, personId={} rows={}", admin.personId(), rows);
    }

    private static SignedInPerson requireAdmin(String action) {
        Optional<SignedInPerson> viewer = CurrentUser.find();
        if (viewer.isEmpty() || !viewer.get().admin()) {
            log.warn("Denied audit log access, personId={} action={}",
                    viewer.map(person -> String.valueOf(person.personId())).orElse("none"), action);
            throw new AccessDeniedException("Only admins can " + action + ".");
        }
        return viewer.get();
    }
}
