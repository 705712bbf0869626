package io.jichao.collection;

import java.math.BigDecimal;
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
