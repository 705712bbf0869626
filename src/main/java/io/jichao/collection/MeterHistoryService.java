package io.jichao.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.MeterService;
import io.jichao.shared.TimeConfiguration;

/**
 * A meter's stored readings as curves: hourly energy and power of any past day (R12), where a
 * back-filled value counts at its freeze time and every other value at the time it was read; and
 * the instantaneous values of the last hours that the live curves open with (R8).
 */
@Service
public class MeterHistoryService {

    private static final ZoneId ZONE = TimeConfiguration.DISPLAY_ZONE;

    /** How far back the live curves start. */
    public static final Duration RECENT_WINDOW = Duration.ofHours(6);
    /** Most samples a live curve holds: two hours of "follow live" at one read per 10 s; older ones drop off. */
    public static final int MAX_SAMPLES = 720;

    private final MeterService meters;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MeterHistoryService(MeterService meters, JdbcTemplate jdbc, Clock clock) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The meter's instantaneous values (voltages, currents, power) read in the last
     * {@link #RECENT_WINDOW}, oldest first, at most the newest {@link #MAX_SAMPLES}; refuses a
     * meter outside the operator's district.
     */
    @Transactional(readOnly = true)
    public List<MeterSample> recentSamples(long meterId) {
        meters.get(meterId);
        Instant now = clock.instant();
        Map<Instant, Map<ReadingItem, BigDecimal>> byTime = new TreeMap<>();
        List<String> items = MeterSample.ITEMS.stream().map(Enum::name).toList();
        String placeholders = String.join(",", Collections.nCopies(items.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(meterId));
        args.addAll(items);
        args.add(Timestamp.from(now.minus(RECENT_WINDOW)));
        args.add(Timestamp.from(now));
        args.add(MAX_SAMPLES * items.size());
        jdbc.query("SELECT read_at, item, value FROM reading WHERE meter_id = ? AND item IN (" + placeholders + ")"
                        + " AND read_at >= ? AND read_at <= ? ORDER BY read_at DESC LIMIT ?",
                row -> {
                    byTime.computeIfAbsent(row.getTimestamp(1).toInstant(), at -> new EnumMap<>(ReadingItem.class))
                            .put(ReadingItem.valueOf(row.getString(2)), row.getBigDecimal(3));
                }, args.toArray());
        List<MeterSample> samples = byTime.entrySet().stream()
                .map(e -> new MeterSample(e.getKey(), e.getValue())).toList();
        // The row limit may cut the oldest moment short or leave more moments than the bound.
        return samples.size() > MAX_SAMPLES ? samples.subList(samples.size() - MAX_SAMPLES, samples.size()) : samples;
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
