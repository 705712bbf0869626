package io.jichao.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.MeterService;
import io.jichao.shared.TimeConfiguration;

/**
 * Hourly energy and power of one meter for any past day (R12), from the stored readings. A
 * back-filled value counts at its freeze time, every other value at the time it was read.
 */
@Service
public class MeterHistoryService {

    private static final ZoneId ZONE = TimeConfiguration.DISPLAY_ZONE;

    private final MeterService meters;
    private final JdbcTemplate jdbc;

    MeterHistoryService(MeterService meters, JdbcTemplate jdbc) {
        this.meters = meters;
        this.jdbc = jdbc;
    }

    /** The day's 24 hours; refuses a meter outside the operator's district. */
    @Transactional(readOnly = true)
    public MeterDayHistory day(long meterId, LocalDate day) {
        meters.get(meterId);
        Instant dayStart = day.atStartOfDay(ZONE).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(ZONE).toInstant();
        NavigableMap<Instant, BigDecimal> energy = series(meterId, ReadingItem.ACTIVE_ENERGY,
                dayStart.minusSeconds(3_600), dayEnd);
        NavigableMap<Instant, BigDecimal> power = series(meterId, ReadingItem.ACTIVE_POWER, dayStart, dayEnd);
        List<MeterDayHistory.Hour> hours = new ArrayList<>();
        for (Instant start = dayStart; start.isBefore(dayEnd); start = start.plusSeconds(3_600)) {
            Instant end = start.plusSeconds(3_600);
            BigDecimal before = lastIn(energy, start.minusSeconds(3_600), start);
            BigDecimal after = lastIn(energy, start, end);
            BigDecimal used = before == null || after == null ? null : after.subtract(before);
            NavigableMap<Instant, BigDecimal> hourPower = power.subMap(start, true, end, false);
            BigDecimal average = hourPower.isEmpty() ? null : hourPower.values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(hourPower.size()), 4, RoundingMode.HALF_UP);
            BigDecimal maximum = hourPower.values().stream().max(BigDecimal::compareTo).orElse(null);
            hours.add(new MeterDayHistory.Hour(LocalDateTime.ofInstant(start, ZONE), used, average, maximum));
        }
        return new MeterDayHistory(meterId, day, hours);
    }

    /** The newest value in (from, to]: a reading exactly on the hour closes the hour before. */
    private static BigDecimal lastIn(NavigableMap<Instant, BigDecimal> series, Instant from, Instant to) {
        var entry = series.floorEntry(to);
        return entry == null || !entry.getKey().isAfter(from) ? null : entry.getValue();
    }

    private NavigableMap<Instant, BigDecimal> series(long meterId, ReadingItem item, Instant from, Instant to) {
        NavigableMap<Instant, BigDecimal> series = new TreeMap<>();
        jdbc.query("""
                SELECT CASE WHEN source = 'BACKFILL' AND meter_time IS NOT NULL THEN NULL ELSE read_at END,
                       meter_time, value, source
                FROM reading WHERE meter_id = ? AND item = ?
                  AND ((source <> 'BACKFILL' AND read_at >= ? AND read_at <= ?)
                    OR (source = 'BACKFILL' AND meter_time >= ? AND meter_time <= ?))""",
                row -> {
                    Timestamp readAt = row.getTimestamp(1);
                    Instant at = readAt != null ? readAt.toInstant()
                            : row.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    series.put(at, row.getBigDecimal(3));
                },
                meterId, item.name(), Timestamp.from(from), Timestamp.from(to),
                LocalDateTime.ofInstant(from, ZoneOffset.UTC), LocalDateTime.ofInstant(to, ZoneOffset.UTC));
        return series;
    }
}
