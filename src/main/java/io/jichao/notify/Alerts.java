package io.jichao.notify;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code notification_alert} table: alerts going down their building's contact list. */
@Component
class Alerts {

    /** An alert as stored; {@code step} is the index of the contact notified last. */
    record Alert(String alertKey, long buildingId, Long boxId, String templateKey, Map<String, String> values,
                 boolean urgent, int step, String state) {
    }

    static final String OPEN = "OPEN";
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    static final String EXHAUSTED = "EXHAUSTED";

    private final JdbcTemplate jdbc;

    Alerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new alert; false when the key exists (the same alert again is no new storm of SMS). */
    boolean open(String alertKey, long buildingId, Long boxId, String templateKey, Map<String, String> values,
                 boolean urgent, Instant now, Instant escalateAt) {
        return jdbc.update("""
                INSERT IGNORE INTO notification_alert (alert_key, building_id, box_id, template_key, template_values, urgent,
                    step, state, created_at, escalate_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""",
                alertKey, buildingId, boxId, templateKey, encode(values), urgent, escalateAt == null ? EXHAUSTED : OPEN,
                Timestamp.from(now), escalateAt == null ? null : Timestamp.from(escalateAt)) == 1;
    }

    /** Open alerts whose time to escalate has come, locked for this transaction. */
    List<Alert> dueForUpdate(Instant now) {
        return jdbc.query("SELECT alert_key, building_id, box_id, template_key, template_values, urgent, step, state "
                        + "FROM notification_alert WHERE state = 'OPEN' AND escalate_at <= ? ORDER BY escalate_at FOR UPDATE",
                (rs, n) -> new Alert(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                        decode(rs.getString(5)), rs.getBoolean(6), rs.getInt(7), rs.getString(8)),
                Timestamp.from(now));
    }

    void escalated(String alertKey, int step, Instant escalateAt) {
        jdbc.update("UPDATE notification_alert SET step = ?, state = ?, escalate_at = ? WHERE alert_key = ?",
                step, escalateAt == null ? EXHAUSTED : OPEN, escalateAt == null ? null : Timestamp.from(escalateAt), alertKey);
    }

    Optional<Long> building(String alertKey) {
        return jdbc.queryForList("SELECT building_id FROM notification_alert WHERE alert_key = ?", Long.class, alertKey)
                .stream().findFirst();
    }

    Optional<String> state(String alertKey) {
        return jdbc.queryForList("SELECT state FROM notification_alert WHERE alert_key = ?", String.class, alertKey)
                .stream().findFirst();
    }

    /** True when this call acknowledged it (not already acknowledged, and it exists). */
    boolean acknowledge(String alertKey, String by, Instant now) {
        return jdbc.update("UPDATE notification_alert SET state = 'ACKNOWLEDGED', escalate_at = NULL, acknowledged_at = ?, "
                + "acknowledged_by = ? WHERE alert_key = ? AND state <> 'ACKNOWLEDGED'", Timestamp.from(now), by, alertKey) == 1;
    }

    private static String encode(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static Map<String, String> decode(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
