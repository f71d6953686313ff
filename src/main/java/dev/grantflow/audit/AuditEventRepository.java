package dev.grantflow.audit;

import org.springframework.data.repository.Repository;

/**
 * Stores and reads audit events. It extends the bare {@link Repository} on purpose, so it offers no
 * delete or update method: the audit log is append-only.
 */
interface AuditEventRepository extends Repository<AuditEvent, Long>, AuditEventSearch {

    AuditEvent save(AuditEvent event);
}
