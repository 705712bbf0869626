package io.jichao.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import io.jichao.shared.DomainException;

/**
 * One energy report: what ({@code level}, {@code targetId}; none for the district), by what
 * ({@code granularity}) and over which Asia/Shanghai days, both included. Months and years are
 * widened to whole months and years.
 */
public record EnergyQuery(ReportLevel level, Long targetId, Granularity granularity, LocalDate from, LocalDate to) {

    static final long MAX_HOURLY_DAYS = 62;
    static final long MAX_DAILY_DAYS = 400;
    static final long MAX_DAYS = 3660;

    public EnergyQuery {
        if (level == null || granularity == null || from == null || to == null) {
            throw new DomainException("error.report.query.incomplete");
        }
        if (level != ReportLevel.DISTRICT && targetId == null) {
            throw new DomainException("error.report.query.incomplete");
        }
        if (to.isBefore(from)) {
            throw new DomainException("error.report.range.reversed");
        }
        switch (granularity) {
            case MONTH -> {
                from = from.withDayOfMonth(1);
                to = to.with(TemporalAdjusters.lastDayOfMonth());
            }
            case YEAR -> {
                from = from.withDayOfYear(1);
                to = to.with(TemporalAdjusters.lastDayOfYear());
            }
            default -> {
            }
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long max = switch (granularity) {
            case HOUR -> MAX_HOURLY_DAYS;
            case DAY -> MAX_DAILY_DAYS;
            default -> MAX_DAYS;
        };
        if (days > max) {
            throw new DomainException("error.report.range.too.long", max);
        }
    }

    /** The same report over another period, for a comparison. */
    public EnergyQuery over(LocalDate otherFrom, LocalDate otherTo) {
        return new EnergyQuery(level, targetId, granularity, otherFrom, otherTo);
    }
}
