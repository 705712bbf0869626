package io.jichao.collection;

import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stores back-filled freezes as ACTIVE_ENERGY readings with source BACKFILL, adding only what is
 * missing and never touching a stored reading.
 *
 * <p>Rows: {@code meter_time} is the freeze time as a UTC date-time (unlike METER_TIME rows, whose
 * {@code meter_time} is the meter's local clock, because a freeze time is the point in time the
 * value belongs to), {@code read_at} is when the freeze was read back.
 *
 * <p>"Already there" for a freeze at F: a BACKFILL row for F, or any other ACTIVE_ENERGY reading
 * taken within the minute starting at F (a cycle that read on the hour holds the same value). A
 * cycle reading at 10:30 does not make the 11:00 freeze redundant: the hourly series wants the
 * value at each full hour.
 *
 * <p>Written directly rather than through the {@link ReadingWriter}'s buffer: the check and the
 * insert must see each other, and a back-fill is rare and small (at most 79 rows). The added
 * freezes update the energy aggregates in the same transaction, marked as back-filled; a later
 * value already in an interval's row stays.
 */
public final class BackfillStore {

    private static final String INSERT = """
            INSERT INTO reading (meter_id, item, value, meter_time, read_at, source)
            VALUES (?, 'ACTIVE_ENERGY', ?, ?, ?, 'BACKFILL')""";

    private final JdbcTemplate jdbc;
    private final EnergyAggregates aggregates;
    private final TransactionOperations transactions;

    public BackfillStore(JdbcTemplate jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.aggregates = new EnergyAggregates(jdbc);
        this.transactions = transactions;
    }

    /** Stores the missing freezes of {@code backfill}; returns how many rows were added. */
    public int store(Backfill backfill) {
        if (backfill.freezes().isEmpty()) {
            return 0;
        }
        Integer added = transactions.execute(status -> {
            // Serializes back-fills of one meter (the cycle and an operator at once) so both never
            // see the same hour missing. The status row may still be waiting in the
            // MeterStatusStore's background batch, so it is created if missing; either way the
            // upsert holds the row's lock until commit.
            jdbc.update("INSERT INTO meter_status (meter_id) VALUES (?) ON DUPLICATE KEY UPDATE meter_id = meter_id",
                    backfill.meterId());
            Set<Instant> present = present(backfill);
            List<FrozenEnergy> missing = backfill.freezes().stream()
                    .filter(freeze -> present.add(freeze.frozenAt()))
                    .toList();
            jdbc.batchUpdate(INSERT, missing, missing.size(), (statement, freeze) -> {
                statement.setLong(1, backfill.meterId());
                statement.setBigDecimal(2, freeze.forwardKwh().setScale(4, RoundingMode.HALF_UP));
                statement.setObject(3, LocalDateTime.ofInstant(freeze.frozenAt(), ZoneOffset.UTC));
                statement.setTimestamp(4, Timestamp.from(backfill.readAt()));
            });
            aggregates.record(missing.stream()
                    .map(freeze -> new EnergyPoint(backfill.meterId(), freeze.frozenAt(), freeze.forwardKwh(), true))
                    .toList());
            return missing.size();
        });
        return added == null ? 0 : added;
    }

    /** The freeze instants of the gap that already have a reading, truncated to the minute. */
    private Set<Instant> present(Backfill backfill) {
        Instant from = backfill.gapStart();
        Instant to = backfill.readAt();
        Set<Instant> present = new HashSet<>();
        jdbc.query("""
                SELECT meter_time, read_at, source FROM reading
                WHERE meter_id = ? AND item = 'ACTIVE_ENERGY'
                  AND ((source = 'BACKFILL' AND meter_time BETWEEN ? AND ?) OR (source <> 'BACKFILL' AND read_at BETWEEN ? AND ?))""",
                row -> {
                    Instant at = "BACKFILL".equals(row.getString(3))
                            ? row.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)
                            : row.getTimestamp(2).toInstant();
                    present.add(at.truncatedTo(ChronoUnit.MINUTES));
                },
                backfill.meterId(), LocalDateTime.ofInstant(from, ZoneOffset.UTC),
                LocalDateTime.ofInstant(to, ZoneOffset.UTC), Timestamp.from(from), Timestamp.from(to));
        return present;
    }
}
