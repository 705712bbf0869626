package io.jichao.notify;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.jichao.security.DistrictScope;

/** The outbox tables by JDBC: queuing, atomic claims, outcomes and receipts. Callers hold the transaction. */
@Component
class Outbox {

    private static final int ERROR_LENGTH = 500;

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A message to queue. */
    record Message(String audience, String phone, String language, String templateKey, String body, String dedupKey,
                   String alertKey, Integer escalationStep, boolean urgent, Long buildingId, Long boxId,
                   Long householdId) {
    }

    /** A claimed message, SENDING under {@code token}; {@code attempts} counts this one. */
    record Claimed(long id, String phone, String body, boolean urgent, int attempts) {
    }

    /**
     * Takes the (key, number) de-duplication slot when its last use is older than {@code window}
     * (or it was never used); false means "queued recently, do not queue again". The row lock
     * held to the end of the caller's transaction keeps concurrent callers apart.
     */
    boolean reserve(String dedupKey, String phone, Instant now, Duration window) {
        if (jdbc.update("INSERT IGNORE INTO notification_dedup (dedup_key, phone, last_queued_at) VALUES (?, ?, ?)",
                dedupKey, phone, Timestamp.from(now)) == 1) {
            return true;
        }
        Instant last = jdbc.queryForObject("SELECT last_queued_at FROM notification_dedup WHERE dedup_key = ? AND phone = ? FOR UPDATE",
                (rs, n) -> rs.getTimestamp(1).toInstant(), dedupKey, phone);
        if (last.isAfter(now.minus(window))) {
            return false;
        }
        jdbc.update("UPDATE notification_dedup SET last_queued_at = ? WHERE dedup_key = ? AND phone = ?",
                Timestamp.from(now), dedupKey, phone);
        return true;
    }

    long insert(Message m, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO notification (audience, phone, language, template_key, body, dedup_key, alert_key,
                        escalation_step, urgent, building_id, box_id, household_id, state, attempts, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            s.setString(1, m.audience());
            s.setString(2, m.phone());
            s.setString(3, m.language());
            s.setString(4, m.templateKey());
            s.setString(5, m.body());
            s.setString(6, m.dedupKey());
            s.setString(7, m.alertKey());
            s.setObject(8, m.escalationStep());
            s.setBoolean(9, m.urgent());
            s.setObject(10, m.buildingId());
            s.setObject(11, m.boxId());
            s.setObject(12, m.householdId());
            s.setTimestamp(13, Timestamp.from(now));
            s.setTimestamp(14, Timestamp.from(now));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    /**
     * Claims up to {@code limit} due QUEUED messages in one UPDATE: a row can be claimed by one
     * statement only, so two dispatchers (or processes) never get the same message.
     */
    List<Claimed> claim(Instant now, int limit) {
        String token = UUID.randomUUID().toString();
        jdbc.update("""
                UPDATE notification SET state = 'SENDING', claim_token = ?, claimed_at = ?, attempts = attempts + 1
                 WHERE state = 'QUEUED' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?""",
                token, Timestamp.from(now), Timestamp.from(now), limit);
        return jdbc.query("SELECT id, phone, body, urgent, attempts FROM notification WHERE claim_token = ? ORDER BY next_attempt_at, id",
                (rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)),
                token);
    }

    /** Back to the queue without counting the claim as an attempt (quiet hours, rate limit). */
    void defer(long id, Instant until, String reason) {
        jdbc.update("UPDATE notification SET state = 'QUEUED', claim_token = NULL, attempts = attempts - 1, next_attempt_at = ?, "
                + "last_error = ? WHERE id = ? AND state = 'SENDING'", Timestamp.from(until), reason, id);
    }

    void retry(long id, Instant next, String error) {
        jdbc.update("UPDATE notification SET state = 'QUEUED', claim_token = NULL, next_attempt_at = ?, last_error = ? "
                + "WHERE id = ? AND state = 'SENDING'", Timestamp.from(next), cut(error), id);
    }

    void fail(long id, String error) {
        jdbc.update("UPDATE notification SET state = 'FAILED', claim_token = NULL, last_error = ? WHERE id = ? AND state = 'SENDING'",
                cut(error), id);
    }

    /** The development sender wrote the message to the log: LOGGED, with no delivery time. */
    void logged(long id, String messageId, Instant now) {
        jdbc.update("UPDATE notification SET state = 'LOGGED', claim_token = NULL, message_id = ?, sent_at = ?, "
                + "last_error = NULL WHERE id = ? AND state = 'SENDING'", messageId, Timestamp.from(now), id);
    }

    /** The gateway took the message; a receipt that arrived before this (possible with SMPP) is applied now. */
    void sent(long id, String messageId, boolean delivered, Instant now) {
        jdbc.update("UPDATE notification SET state = ?, claim_token = NULL, message_id = ?, sent_at = ?, delivered_at = ?, "
                        + "last_error = NULL WHERE id = ? AND state = 'SENDING'",
                delivered ? "DELIVERED" : "SENT", messageId, Timestamp.from(now), delivered ? Timestamp.from(now) : null, id);
        if (!delivered && messageId != null) {
            jdbc.query("SELECT status, delivered, text, received_at FROM notification_receipt WHERE message_id = ? ORDER BY id",
                    (ResultSet rs) -> {
                        applyReceipt(messageId, rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getTimestamp(4).toInstant());
                    }, messageId);
        }
    }

    /** Keeps a receipt and moves the message it names to DELIVERED (or FAILED when the network gave up). */
    void receipt(String messageId, String status, boolean delivered, String text, Instant now) {
        jdbc.update("INSERT INTO notification_receipt (message_id, status, delivered, text, received_at) VALUES (?, ?, ?, ?, ?)",
                messageId, status, delivered, cut(text), Timestamp.from(now));
        applyReceipt(messageId, status, delivered, text, now);
    }

    private void applyReceipt(String messageId, String status, boolean delivered, String text, Instant at) {
        jdbc.update("UPDATE notification SET state = ?, delivered_at = ?, receipt = ?, last_error = ? "
                        + "WHERE message_id = ? AND state = 'SENT'",
                delivered ? "DELIVERED" : "FAILED", delivered ? Timestamp.from(at) : null, cut(status + " " + text),
                delivered ? null : "receipt: " + status, messageId);
    }

    /** How many messages went to {@code phone} since {@code since}, and the oldest of them. */
    List<Instant> sentSince(String phone, Instant since) {
        return jdbc.query("SELECT sent_at FROM notification WHERE phone = ? AND sent_at > ? ORDER BY sent_at",
                (rs, n) -> rs.getTimestamp(1).toInstant(), phone, Timestamp.from(since));
    }

    /** Messages a stopped process left SENDING: their outcome is unknown, so they are not sent again. */
    int failStale(Instant claimedBefore) {
        return jdbc.update("UPDATE notification SET state = 'FAILED', claim_token = NULL, "
                        + "last_error = 'interrupted while sending; outcome unknown, not sent again' "
                        + "WHERE state = 'SENDING' AND claimed_at < ?", Timestamp.from(claimedBefore));
    }

    Optional<NotificationView> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", Outbox::view, id).stream().findFirst();
    }

    List<NotificationView> byDedupKey(String dedupKey) {
        return jdbc.query(SELECT + " WHERE dedup_key = ? ORDER BY id", Outbox::view, dedupKey);
    }

    List<NotificationView> byAlert(String alertKey) {
        return jdbc.query(SELECT + " WHERE alert_key = ? ORDER BY id", Outbox::view, alertKey);
    }

    /** The newest messages whose building (or box) is inside the district. */
    List<NotificationView> recent(DistrictScope district, int limit) {
        if (district.wholeSite()) {
            return jdbc.query(SELECT + " ORDER BY id DESC LIMIT ?", Outbox::view, limit);
        }
        List<Object> args = new ArrayList<>();
        String where = DistrictFilter.where(district, args);
        args.add(limit);
        return jdbc.query(SELECT + " WHERE " + where + " ORDER BY id DESC LIMIT ?", Outbox::view, args.toArray());
    }

    private static final String SELECT = """
            SELECT id, audience, phone, language, template_key, body, dedup_key, alert_key, escalation_step, urgent,
                   building_id, household_id, state, attempts, next_attempt_at, last_error, message_id, receipt,
                   created_at, sent_at, delivered_at FROM notification""";

    private static NotificationView view(ResultSet rs, int n) throws SQLException {
        return new NotificationView(rs.getLong("id"), rs.getString("audience"), rs.getString("phone"),
                rs.getString("language"), rs.getString("template_key"), rs.getString("body"), rs.getString("dedup_key"),
                rs.getString("alert_key"), (Integer) rs.getObject("escalation_step", Integer.class), rs.getBoolean("urgent"),
                (Long) rs.getObject("building_id", Long.class), (Long) rs.getObject("household_id", Long.class),
                NotificationState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("message_id"),
                rs.getString("receipt"), instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String text) {
        return text == null || text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }
}
