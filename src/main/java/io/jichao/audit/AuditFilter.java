package io.jichao.audit;

import java.time.Instant;
import java.time.LocalDate;

import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;

/**
 * What the audit page shows; every field may be null (no restriction). {@code operator} and
 * {@code target} match any part of the name or target text, ignoring case; {@code action} is one
 * action name exactly; {@code from}/{@code to} are days in Asia/Shanghai, both inclusive.
 */
public record AuditFilter(String operator, String action, String target, LocalDate from, LocalDate to) {

    public AuditFilter {
        operator = blankToNull(operator);
        action = blankToNull(action);
        target = blankToNull(target);
        if (from != null && to != null && to.isBefore(from)) {
            throw new DomainException("error.audit.period", from, to);
        }
    }

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null);
    }

    Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
    }

    /** The first instant after the period. */
    Instant toInstantExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
