package io.jichao.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.data.jpa.domain.Specification;

/** The audit page's filter and the reader's reach as one JPA specification. */
final class AuditQueries {

    private static final char ESCAPE = '\\';

    private AuditQueries() {
    }

    static Specification<AuditEvent> matching(AuditFilter filter, AuditAudience.Reach reach) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (reach == AuditAudience.Reach.MONEY) {
                where.add(cb.or(MoneyActions.PREFIXES.stream()
                        .map(prefix -> cb.like(root.get("action"), escape(prefix) + "%", ESCAPE))
                        .toArray(Predicate[]::new)));
            }
            if (filter.operator() != null) {
                where.add(contains(cb, root, "operatorUsername", filter.operator()));
            }
            if (filter.action() != null) {
                where.add(cb.equal(root.get("action"), filter.action()));
            }
            if (filter.target() != null) {
                where.add(contains(cb, root, "target", filter.target()));
            }
            if (filter.fromInstant() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), filter.fromInstant()));
            }
            if (filter.toInstantExclusive() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), filter.toInstantExclusive()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static Predicate contains(CriteriaBuilder cb, Root<AuditEvent> root, String field, String text) {
        return cb.like(cb.lower(root.get(field)), "%" + escape(text.toLowerCase(Locale.ROOT)) + "%", ESCAPE);
    }

    /** Typed text is matched literally: {@code %} and {@code _} are not wildcards. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
