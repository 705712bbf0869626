package io.jichao.audit;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail for the audit page (R2, issue 17 item 4): the super admin reads every
 * action, finance only the {@link MoneyActions}; anyone else is refused here, whatever page or job
 * asks. Newest first, in pages, so the grid and the export never load the whole table. The table
 * has no district or building column, so rows are scoped by role only, never guessed from text.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    /** The most rows one export writes; the page says so when the filter matches more. */
    public static final int MAX_EXPORT_ROWS = 100_000;

    private final AuditEventRepository events;
    private final AuditAudience audience;
    private final EntityManager entities;

    AuditLog(AuditEventRepository events, AuditAudience audience, EntityManager entities) {
        this.events = events;
        this.audience = audience;
        this.entities = entities;
    }

    /** The rows {@code offset} to {@code offset + limit} of the filter, newest first. */
    public List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
        Specification<AuditEvent> matching = AuditQueries.matching(filter, audience.reach());
        if (offset < 0 || limit <= 0) {
            return List.of();
        }
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> root = query.from(AuditEvent.class);
        query.where(matching.toPredicate(root, query, cb))
                .orderBy(cb.desc(root.get("occurredAt")), cb.desc(root.get("id")));
        return entities.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(AuditFilter filter) {
        return events.count(AuditQueries.matching(filter, audience.reach()));
    }

    /** The action names the reader may filter by, as recorded so far. */
    public List<String> actions() {
        AuditAudience.Reach reach = audience.reach();
        return events.findDistinctActions().stream()
                .filter(action -> reach == AuditAudience.Reach.ALL || MoneyActions.isMoney(action))
                .toList();
    }

    /** Whether the reader sees only money actions (the page says so). */
    public boolean moneyOnly() {
        return audience.reach() == AuditAudience.Reach.MONEY;
    }
}
