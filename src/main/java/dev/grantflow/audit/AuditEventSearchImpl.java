package dev.grantflow.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Builds the audit log queries from a filter. Rows are read as {@link AuditEntry} projections, so even a
 * long export does not fill the persistence context.
 */
class AuditEventSearchImpl implements AuditEventSearch {

    /** Properties a page may sort by, each a column of {@code audit_event}. */
    static final List<String> SORTABLE = List.of("occurredAt", "actorName", "action", "targetName", "outcome");

    private static final int EXPORT_FETCH_SIZE = 500;
    // "!" instead of a backslash, because in MariaDB's default SQL mode a backslash in a string literal starts an escape.
    private static final char LIKE_ESCAPE = '!';

    private final EntityManager entityManager;

    AuditEventSearchImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<AuditEntry> findEntries(AuditFilter filter, Pageable pageable) {
        TypedQuery<AuditEntry> query = entityManager.createQuery(select(filter, pageable.getSort()));
        if (pageable.isPaged()) {
            query.setFirstResult(Math.toIntExact(pageable.getOffset()));
            query.setMaxResults(pageable.getPageSize());
        }
        return query.getResultList();
    }

    @Override
    public long countEntries(AuditFilter filter) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = builder.createQuery(Long.class);
        Root<AuditEvent> event = query.from(AuditEvent.class);
        query.select(builder.count(event)).where(conditions(builder, event, filter));
        return entityManager.createQuery(query).getSingleResult();
    }

    @Override
    public Stream<AuditEntry> streamEntries(AuditFilter filter) {
        return entityManager.createQuery(select(filter, Sort.unsorted()))
                .setHint(HibernateHints.HINT_FETCH_SIZE, EXPORT_FETCH_SIZE)
                .getResultStream();
    }

    private CriteriaQuery<AuditEntry> select(AuditFilter filter, Sort sort) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = builder.createQuery(AuditEntry.class);
        Root<AuditEvent> event = query.from(AuditEvent.class);
        query.select(builder.construct(AuditEntry.class, event.get("id"), event.get("occurredAt"), event.get("actorId"),
                event.get("actorName"), event.get("action"), event.get("targetType"), event.get("targetId"),
                event.get("targetName"), event.get("outcome"), event.get("detail")));
        query.where(conditions(builder, event, filter));
        query.orderBy(orders(builder, event, sort));
        return query;
    }

    private static Predicate[] conditions(CriteriaBuilder builder, Root<AuditEvent> event, AuditFilter filter) {
        List<Predicate> conditions = new ArrayList<>();
        if (filter.from() != null) {
            conditions.add(builder.greaterThanOrEqualTo(event.<Instant>get("occurredAt"), filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(builder.lessThan(event.<Instant>get("occurredAt"), filter.to()));
        }
        if (filter.action() != null) {
            conditions.add(builder.equal(event.get("action"), filter.action()));
        }
        if (filter.outcome() != null) {
            conditions.add(builder.equal(event.get("outcome"), filter.outcome()));
        }
        if (!filter.actorText().isEmpty()) {
            conditions.add(contains(builder, event.get("actorName"), filter.actorText()));
        }
        if (!filter.targetText().isEmpty()) {
            conditions.add(builder.or(contains(builder, event.get("targetName"), filter.targetText()),
                    builder.equal(event.get("targetId"), filter.targetText())));
        }
        return conditions.toArray(Predicate[]::new);
    }

    private static Predicate contains(CriteriaBuilder builder, Expression<String> column, String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace(String.valueOf(LIKE_ESCAPE), "" + LIKE_ESCAPE + LIKE_ESCAPE)
                .replace("%", LIKE_ESCAPE + "%")
                .replace("_", LIKE_ESCAPE + "_");
        return builder.like(builder.lower(column), "%" + escaped + "%", LIKE_ESCAPE);
    }

    /** Orders by the requested properties, newest first by default, with the id as the tie-breaker. */
    private static List<Order> orders(CriteriaBuilder builder, Root<AuditEvent> event, Sort sort) {
        List<Order> orders = new ArrayList<>();
        for (Sort.Order requested : sort) {
            if (!SORTABLE.contains(requested.getProperty())) {
                throw new IllegalArgumentException("The audit log cannot be sorted by " + requested.getProperty()
                        + "; sort by one of " + SORTABLE + ".");
            }
            Expression<?> column = event.get(requested.getProperty());
            orders.add(requested.isAscending() ? builder.asc(column) : builder.desc(column));
        }
        if (orders.isEmpty()) {
            orders.add(builder.desc(event.get("occurredAt")));
        }
        boolean ascending = orders.getFirst().isAscending();
        orders.add(ascending ? builder.asc(event.get("id")) : builder.desc(event.get("id")));
        return orders;
    }
}
