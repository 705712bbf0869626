package io.jichao.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.MeterService;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;

/**
 * A meter's energy use per hour and per Asia/Shanghai day, from the aggregates the storage keeps
 * ({@code energy_hourly}, {@code energy_daily}): usage of an interval = its closing register value −
 * the previous interval's, only when both exist, so a missing interval is reported as missing and
 * never as zero. Values are the meter's register (kWh as the meter counts them, before any CT/PT
 * multiplier). The meter must be visible to the operator: {@link MeterService#get} checks
 * VIEW_ARCHIVE and the district and answers "not found" otherwise.
 */
@Service
public class EnergyUsageService {

    static final Duration MAX_HOURLY_RANGE = Duration.ofDays(366);
    static final long MAX_DAILY_RANGE_DAYS = 3660;

    private final MeterService meters;
    private final JdbcTemplate jdbc;

    EnergyUsageService(MeterService meters, JdbcTemplate jdbc) {
        this.meters = meters;
        this.jdbc = jdbc;
    }

    /** One entry per hour starting in [from, to), {@code from} taken down to its full hour. */
    @Transactional(readOnly = true)
    public List<IntervalUsage> hourly(long meterId, Instant from, Instant to) {
        meters.get(meterId);
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        if (Duration.between(first, to).compareTo(MAX_HOURLY_RANGE) > 0) {
            throw new DomainException("error.energy.range.too.long");
        }
        Map<Instant, Closing> closings = new HashMap<>();
        jdbc.query("""
                SELECT hour_start, register_kwh, backfilled FROM energy_hourly
                WHERE meter_id = ? AND hour_start >= ? AND hour_start < ?""", row -> {
            closings.put(row.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                    new Closing(row.getBigDecimal(2), row.getBoolean(3)));
        }, meterId, utc(first.minus(1, ChronoUnit.HOURS)), utc(to));
        List<IntervalUsage> usage = new ArrayList<>();
        for (Instant hour = first; hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            usage.add(usage(hour, hour.plus(1, ChronoUnit.HOURS), closings.get(hour.minus(1, ChronoUnit.HOURS)),
                    closings.get(hour)));
        }
        return usage;
    }

    /** One entry per Shanghai calendar day from {@code from} to {@code to}, both included. */
    @Transactional(readOnly = true)
    public List<IntervalUsage> daily(long meterId, LocalDate from, LocalDate to) {
        meters.get(meterId);
        return dailyOfCheckedMeter(meterId, from, to);
    }

    /**
     * {@link #daily} without the operator check, for a caller that has established by other means
     * that the meter may be shown: the kiosk, which serves only the identified household's own
     * meter and has no operator.
     */
    @Transactional(readOnly = true)
    public List<IntervalUsage> dailyOfCheckedMeter(long meterId, LocalDate from, LocalDate to) {
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAILY_RANGE_DAYS) {
            throw new DomainException("error.energy.range.too.long");
        }
        Map<LocalDate, Closing> closings = new HashMap<>();
        jdbc.query("""
                SELECT day, register_kwh, backfilled FROM energy_daily
                WHERE meter_id = ? AND day BETWEEN ? AND ?""", row -> {
            closings.put(row.getObject(1, LocalDate.class), new Closing(row.getBigDecimal(2), row.getBoolean(3)));
        }, meterId, from.minusDays(1), to);
        List<IntervalUsage> usage = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            usage.add(usage(startOf(day), startOf(day.plusDays(1)), closings.get(day.minusDays(1)),
                    closings.get(day)));
        }
        return usage;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(EnergyAggregates.DAY_ZONE).toInstant();
    }

    private static IntervalUsage usage(Instant start, Instant end, Closing previous, Closing closing) {
        if (previous == null || closing == null) {
            return new IntervalUsage(start, end, Optional.empty(), false);
        }
        Optional<Kwh> used = RegisterDelta.between(previous.kwh(), closing.kwh())
                .map(kwh -> Kwh.rounded(kwh, RoundingMode.HALF_UP));
        return new IntervalUsage(start, end, used, previous.backfilled() || closing.backfilled());
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private record Closing(BigDecimal kwh, boolean backfilled) {
    }
}
