package io.jichao.collection;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code energy_hourly} and {@code energy_daily} up to date from the energy readings being
 * stored, incrementally: callers pass the points of what they store, in the same transaction, and
 * each interval's row keeps the latest value taken in it (see 0006-energy-aggregates.sql).
 *
 * <p>An interval is half-open at the start and closed at the end, (start, end]: a value taken
 * exactly at 11:00:00 (an hourly freeze) closes the hour 10:00-11:00, a value at 11:00:00.001 is
 * the first of the next hour. Days are Asia/Shanghai calendar days, so a freeze at 00:00 CST
 * (16:00 UTC) closes the day before.
 */
final class EnergyAggregates {

    static final ZoneId DAY_ZONE = CollectionConfiguration.METER_ZONE;

    // Assignments run left to right on the updated row, so taken_at must be the last one: the
    // conditions before it compare with the stored time.
    private static final String UPSERT = """
            INSERT INTO %s (meter_id, %s, register_kwh, taken_at, backfilled) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
                register_kwh = IF(VALUES(taken_at) > taken_at, VALUES(register_kwh), register_kwh),
                backfilled = IF(VALUES(taken_at) > taken_at, VALUES(backfilled), backfilled),
                taken_at = GREATEST(taken_at, VALUES(taken_at))""";
    private static final String UPSERT_HOURLY = UPSERT.formatted("energy_hourly", "hour_start");
    private static final String UPSERT_DAILY = UPSERT.formatted("energy_daily", "day");

    private final JdbcTemplate jdbc;

    EnergyAggregates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The UTC start of the hour that a value taken at {@code at} belongs to. */
    static Instant hourOf(Instant at) {
        Instant exact = at.truncatedTo(ChronoUnit.MILLIS);
        Instant hour = exact.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(exact) ? hour.minus(1, ChronoUnit.HOURS) : hour;
    }

    /** The Shanghai calendar day that a value taken at {@code at} belongs to. */
    static LocalDate dayOf(Instant at) {
        ZonedDateTime local = at.truncatedTo(ChronoUnit.MILLIS).atZone(DAY_ZONE);
        return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /** Upserts the latest point of each meter and interval; must run inside the storing transaction. */
    void record(Collection<EnergyPoint> points) {
        List<EnergyPoint> energy = points.stream().filter(Objects::nonNull).toList();
        if (energy.isEmpty()) {
            return;
        }
        upsert(UPSERT_HOURLY, latest(energy, p -> {
            Instant hour = hourOf(p.takenAt());
            return new Key(p.meterId(), hour.getEpochSecond(), LocalDateTime.ofInstant(hour, ZoneOffset.UTC));
        }));
        upsert(UPSERT_DAILY, latest(energy, p -> {
            LocalDate day = dayOf(p.takenAt());
            return new Key(p.meterId(), day.toEpochDay(), day);
        }));
    }

    /**
     * One point per meter and interval, in key order: fewer rows to send, and a writer and a
     * back-fill touching the same rows lock them in the same order.
     */
    private static Map<Key, EnergyPoint> latest(List<EnergyPoint> points, Function<EnergyPoint, Key> key) {
        Map<Key, EnergyPoint> latest = new TreeMap<>();
        for (EnergyPoint point : points) {
            latest.merge(key.apply(point), point, (a, b) -> b.takenAt().isAfter(a.takenAt()) ? b : a);
        }
        return latest;
    }

    private void upsert(String sql, Map<Key, EnergyPoint> rows) {
        List<Map.Entry<Key, EnergyPoint>> entries = List.copyOf(rows.entrySet());
        jdbc.batchUpdate(sql, entries, entries.size(), (statement, row) -> {
            EnergyPoint point = row.getValue();
            statement.setLong(1, row.getKey().meterId());
            statement.setObject(2, row.getKey().column());
            statement.setBigDecimal(3, point.kwh().setScale(4, RoundingMode.HALF_UP));
            statement.setObject(4, LocalDateTime.ofInstant(point.takenAt().truncatedTo(ChronoUnit.MILLIS),
                    ZoneOffset.UTC));
            statement.setBoolean(5, point.backfilled());
        });
    }

    /** A meter's interval: {@code order} sorts, {@code column} is what the table stores. */
    private record Key(long meterId, long order, Object column) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::meterId).thenComparingLong(Key::order);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }
}
