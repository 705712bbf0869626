package io.jichao.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code recharge_delivery} rows (Liquibase {@code 0008}): per order, the meter's purchase
 * count and remaining energy read before the first write, the attempts, and the read-back that
 * confirmed it. The "before" figures are written once and never changed: every later attempt
 * compares against them.
 */
final class RechargeDeliveryStore {

    private static final int MAX_ERROR = 255;

    /** One order's delivery record; the "before" figures are null until the meter was first read. */
    record Delivery(long orderId, long meterId, Integer purchaseCountBefore, BigDecimal remainingBefore,
                    Integer purchaseCountAfter, BigDecimal remainingAfter, int attempts, int writes,
                    Instant lastAttemptAt, String lastError) {

        boolean hasBefore() {
            return purchaseCountBefore != null;
        }
    }

    /** A remaining energy the engine already knows for a meter, when the meter had it, and from where. */
    record KnownRemaining(BigDecimal remaining, Instant at, String source) {
        @Override
        public String toString() {
            return remaining.toPlainString() + " kWh from the " + source + " at " + at;
        }
    }

    private final JdbcTemplate jdbc;

    RechargeDeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Delivery> find(long orderId) {
        List<Delivery> rows = jdbc.query("""
                        SELECT order_id, meter_id, purchase_count_before, remaining_before, purchase_count_after,
                               remaining_after, attempts, writes, last_attempt_at, last_error
                        FROM recharge_delivery WHERE order_id = ?""",
                (row, n) -> new Delivery(row.getLong(1), row.getLong(2), (Integer) row.getObject(3, Integer.class),
                        row.getBigDecimal(4), (Integer) row.getObject(5, Integer.class), row.getBigDecimal(6),
                        row.getInt(7), row.getInt(8), instant(row.getTimestamp(9)), row.getString(10)),
                orderId);
        return rows.stream().findFirst();
    }

    /** Counts an attempt (creating the record on the first); the last error stays until a confirmation. */
    void attempt(long orderId, long meterId, Instant at) {
        jdbc.update("""
                        INSERT INTO recharge_delivery (order_id, meter_id, attempts, last_attempt_at)
                        VALUES (?, ?, 1, ?)
                        ON DUPLICATE KEY UPDATE attempts = attempts + 1, last_attempt_at = VALUES(last_attempt_at)""",
                orderId, meterId, Timestamp.from(at));
    }

    void failed(long orderId, String error) {
        jdbc.update("UPDATE recharge_delivery SET last_error = ? WHERE order_id = ?", truncate(error), orderId);
    }

    /**
     * Stores the "before" figures if none are stored yet; returns the stored ones, which win: a
     * record that already has them belongs to an attempt whose write may have landed.
     */
    Delivery before(long orderId, int purchaseCount, BigDecimal remaining) {
        jdbc.update("""
                        UPDATE recharge_delivery SET purchase_count_before = ?, remaining_before = ?
                        WHERE order_id = ? AND purchase_count_before IS NULL""",
                purchaseCount, remaining, orderId);
        return find(orderId).orElseThrow();
    }

    /**
     * The meter's latest remaining energy known without asking it, if it was had at or after
     * {@code since} and no credit can have landed since: the newest stored {@code REMAINING_ENERGY}
     * reading (cycle or "read now") taken after the meter's latest confirmed recharge, else that
     * recharge's own read-back. None while another order of the meter was written and is not
     * confirmed (SENT or FAILED_RETRYING with a write): its credit may or may not be in any figure;
     * none either when that recharge's read-back count is not {@code purchaseCount}, the count just
     * read: the meter took a purchase this system has not seen confirmed.
     */
    Optional<KnownRemaining> knownRemaining(long meterId, long orderId, int purchaseCount, Instant since) {
        Integer unsettled = jdbc.queryForObject("""
                        SELECT COUNT(*) FROM recharge_delivery d JOIN recharge_order o ON o.id = d.order_id
                        WHERE d.meter_id = ? AND d.order_id <> ? AND d.writes > 0
                          AND o.state IN ('SENT', 'FAILED_RETRYING')""",
                Integer.class, meterId, orderId);
        if (unsettled == null || unsettled > 0) {
            return Optional.empty();
        }
        // The latest confirmed credit, by whatever means (engine or handheld): anything read before it is stale.
        record Credit(KnownRemaining readBack, Integer purchaseCountAfter) {
        }
        Optional<Credit> credit = jdbc.query("""
                        SELECT o.id, o.state_changed_at, d.remaining_after, d.purchase_count_after
                        FROM recharge_order o LEFT JOIN recharge_delivery d ON d.order_id = o.id
                        WHERE o.meter_id = ? AND o.state = 'CONFIRMED' AND o.id <> ?
                        ORDER BY o.state_changed_at DESC, o.id DESC LIMIT 1""",
                (row, n) -> new Credit(new KnownRemaining(row.getBigDecimal(3), instant(row.getTimestamp(2)),
                        "read-back of order " + row.getLong(1)), row.getObject(4, Integer.class)),
                meterId, orderId).stream().findFirst();
        if (credit.map(Credit::purchaseCountAfter).filter(after -> after != purchaseCount).isPresent()) {
            return Optional.empty();
        }
        Optional<KnownRemaining> lastCredit = credit.map(Credit::readBack);
        Optional<KnownRemaining> reading = jdbc.query("""
                        SELECT value, read_at, source FROM reading
                        WHERE meter_id = ? AND item = ? AND read_at >= ? AND read_at > ?
                        ORDER BY read_at DESC LIMIT 1""",
                (row, n) -> new KnownRemaining(row.getBigDecimal(1).setScale(2, RoundingMode.HALF_UP),
                        instant(row.getTimestamp(2)), row.getString(3) + " reading"),
                meterId, ReadingItem.REMAINING_ENERGY.name(), Timestamp.from(since),
                Timestamp.from(lastCredit.map(KnownRemaining::at).orElse(since.minusMillis(1)))).stream().findFirst();
        if (reading.isPresent()) {
            return reading;
        }
        return lastCredit.filter(readBack -> readBack.remaining() != null && !readBack.at().isBefore(since))
                .map(readBack -> new KnownRemaining(readBack.remaining().setScale(2, RoundingMode.HALF_UP), readBack.at(),
                        readBack.source()));
    }

    void wrote(long orderId) {
        jdbc.update("UPDATE recharge_delivery SET writes = writes + 1 WHERE order_id = ?", orderId);
    }

    void confirmed(long orderId, int purchaseCount, BigDecimal remaining) {
        jdbc.update("""
                        UPDATE recharge_delivery SET purchase_count_after = ?, remaining_after = ?, last_error = NULL
                        WHERE order_id = ?""",
                purchaseCount, remaining, orderId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
