package dev.grantflow.audit;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.domain.Pageable;

/**
 * Filtered reads of the audit log, implemented with the Criteria API in {@link AuditEventSearchImpl}.
 */
interface AuditEventSearch {

    /** Returns one page of matching entries, newest first unless the pageable sorts otherwise. */
    List<AuditEntry> findEntries(AuditFilter filter, Pageable pageable);

    long countEntries(AuditFilter filter);

    /** Streams every matching entry, newest first. The caller closes the stream inside a transaction. */
    Stream<AuditEntry> streamEntries(AuditFilter filter);
}
