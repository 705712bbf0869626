package io.jichao.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditTrail;
import io.jichao.notify.NotificationService;
import io.jichao.notify.NotificationView;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;

/**
 * Alarms for operators (R17): the list with filters, acknowledging, and the colour of meters for
 * others (fault map, meter pages). Everything is scoped to the operator's district: a meter's
 * alarm belongs to the meter's building and box, a port's or collector's alarm to the collector's
 * building; an alarm outside the district answers "not found". Seeing alarms needs VIEW_ARCHIVE,
 * acknowledging DEVICE_CONTROL (maintenance), and every acknowledgement is audited.
 */
@Service
public class AlarmService {

    /** The list shows at most this many rows, newest first; narrow the filter for more. */
    public static final int MAX_ROWS = 2000;

    static final String FROM = """
            FROM alarm a
            LEFT JOIN meter m ON m.id = a.meter_id
            LEFT JOIN household h ON h.id = m.household_id
            LEFT JOIN serial_port p ON p.id = a.serial_port_id
            LEFT JOIN collector c ON c.id = a.collector_id
            LEFT JOIN building b ON b.id = COALESCE(m.building_id, c.building_id)
            """;
    static final String COLUMNS = """
            SELECT a.id, a.kind, a.severity, a.state, a.meter_id, m.address, h.room, a.serial_port_id, p.port_number,
                   a.collector_id, c.name, COALESCE(m.building_id, c.building_id), b.name, a.detail, a.raised_at,
                   a.last_seen_at, a.occurrences, a.acknowledged_at, a.acknowledged_by, a.cleared_at
            """;

    private final JdbcTemplate jdbc;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final AlarmRecorder recorder;
    private final NotificationService notifications;

    AlarmService(JdbcTemplate jdbc, CurrentOperator currentOperator, AuditTrail audit, AlarmRecorder recorder,
                 NotificationService notifications) {
        this.jdbc = jdbc;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.recorder = recorder;
        this.notifications = notifications;
    }

    /**
     * The SMS the alarm caused (VIEW_ARCHIVE, alarm in the district): the household reminders, then
     * the manager alerts in escalation order.
     */
    @Transactional(readOnly = true)
    public List<NotificationView> smsMessages(long alarmId) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        find(operator, alarmId, false);
        String key = AlarmNotifier.alertKey(alarmId);
        List<NotificationView> messages = new ArrayList<>(notifications.messages(key));
        messages.addAll(notifications.alertMessages(key));
        return messages;
    }

    /** The district's alarms matching the filter, newest first, at most {@link #MAX_ROWS}. */
    @Transactional(readOnly = true)
    public List<AlarmRow> list(AlarmFilter filter) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(districtSql(operator.district(), arguments));
        if (!filter.history()) {
            where.append(" AND a.state <> 'CLEARED'");
        }
        if (filter.state() != null) {
            where.append(" AND a.state = ?");
            arguments.add(filter.state().name());
        }
        if (filter.kind() != null) {
            where.append(" AND a.kind = ?");
            arguments.add(filter.kind().name());
        }
        if (filter.severity() != null) {
            where.append(" AND a.severity = ?");
            arguments.add(filter.severity().name());
        }
        if (filter.buildingId() != null) {
            where.append(" AND COALESCE(m.building_id, c.building_id) = ?");
            arguments.add(filter.buildingId());
        }
        if (filter.from() != null) {
            where.append(" AND a.raised_at >= ?");
            arguments.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND a.raised_at < ?");
            arguments.add(Timestamp.from(filter.to()));
        }
        arguments.add(MAX_ROWS);
        return jdbc.query(COLUMNS + FROM + where + " ORDER BY a.raised_at DESC, a.id DESC LIMIT ?",
                (row, n) -> row(row), arguments.toArray());
    }

    /** Whether the operator may acknowledge alarms (the page hides the buttons otherwise; the check is in {@link #acknowledge}). */
    public boolean canAcknowledge() {
        return currentOperator.get().has(Permission.DEVICE_CONTROL);
    }

    /** One alarm of the district; "not found" outside it. */
    @Transactional(readOnly = true)
    public AlarmRow get(long alarmId) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        return find(operator, alarmId, false);
    }

    /**
     * Acknowledges a raised alarm in the operator's name; it stays active (and coloured) until its
     * condition ends. Acknowledging it again changes nothing; a cleared alarm cannot be acknowledged.
     */
    @Transactional
    public AlarmRow acknowledge(long alarmId) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.DEVICE_CONTROL);
        AlarmRow alarm = find(operator, alarmId, true);
        if (alarm.state() == AlarmState.CLEARED) {
            throw new DomainException("error.alarm.already.cleared", alarmId);
        }
        if (alarm.state() == AlarmState.ACKNOWLEDGED) {
            return alarm;
        }
        jdbc.update("UPDATE alarm SET state = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?, "
                + "version = version + 1 WHERE id = ?", Timestamp.from(recorder.now()), operator.username(), alarmId);
        audit.record(operator.username(), "ALARM_ACKNOWLEDGE", "alarm:" + alarmId,
                alarm.kind() + " on " + alarm.subject());
        recorder.publishAfterCommit(new AlarmChanged(alarmId, alarm.kind().name(), alarm.severity(),
                AlarmState.ACKNOWLEDGED, alarm.meterId(), alarm.serialPortId(), alarm.collectorId()));
        return find(operator, alarmId, false);
    }

    /** Acknowledges each of the raised alarms among {@code alarmIds}; cleared ones are skipped. Returns how many. */
    @Transactional
    public int acknowledgeAll(Collection<Long> alarmIds) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.DEVICE_CONTROL);
        int acknowledged = 0;
        for (long id : alarmIds.stream().distinct().sorted().toList()) {
            if (find(operator, id, false).state() == AlarmState.RAISED) {
                acknowledge(id);
                acknowledged++;
            }
        }
        return acknowledged;
    }

    /**
     * The worst active severity of each meter of the district among {@code meterIds}: its own alarms
     * and those of its port and collector. Meters without an active alarm are NORMAL (green); meters
     * outside the district are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, Severity> activeSeverities(Collection<Long> meterIds) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        DistrictScope district = operator.district();
        Map<Long, Severity> severities = new HashMap<>();
        List<Long> ids = meterIds.stream().distinct().toList();
        for (int start = 0; start < ids.size(); start += 500) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + 500));
            String in = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
            jdbc.query("""
                    SELECT m.id, m.building_id, m.box_id, a.severity FROM meter m
                    LEFT JOIN serial_port p ON p.id = m.serial_port_id
                    LEFT JOIN alarm a ON a.active_key IS NOT NULL AND (a.meter_id = m.id
                        OR a.serial_port_id = m.serial_port_id
                        OR (a.meter_id IS NULL AND a.serial_port_id IS NULL AND a.collector_id = p.collector_id))
                    WHERE m.id IN (%s)""".formatted(in), row -> {
                if (district.covers(row.getLong(2), row.getObject(3, Long.class))) {
                    Severity severity = row.getString(4) == null ? Severity.NORMAL : Severity.valueOf(row.getString(4));
                    severities.merge(row.getLong(1), severity, Severity::worst);
                }
            }, chunk.toArray());
        }
        return severities;
    }

    /** Active alarms of the district by severity (home page). */
    @Transactional(readOnly = true)
    public Map<Severity, Long> activeCounts() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        List<Object> arguments = new ArrayList<>();
        String where = " WHERE a.active_key IS NOT NULL AND " + districtSql(operator.district(), arguments);
        Map<Severity, Long> counts = new HashMap<>();
        jdbc.query("SELECT a.severity, COUNT(*) " + FROM + where + " GROUP BY a.severity",
                row -> {
                    counts.put(Severity.valueOf(row.getString(1)), row.getLong(2));
                }, arguments.toArray());
        return counts;
    }

    /**
     * Alarms of the district raised on each of the {@code days} Shanghai days ending with
     * {@code lastDay}, by severity (home page trend); days and severities without alarms count 0.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Map<Severity, Long>> raisedPerDay(LocalDate lastDay, int days) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        if (days < 1 || days > 366) {
            throw new DomainException("error.required", "days");
        }
        Map<LocalDate, Map<Severity, Long>> perDay = new TreeMap<>();
        for (LocalDate day = lastDay.minusDays(days - 1L); !day.isAfter(lastDay); day = day.plusDays(1)) {
            Map<Severity, Long> counts = new EnumMap<>(Severity.class);
            List<Object> arguments = new ArrayList<>();
            arguments.add(Timestamp.from(day.atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant()));
            arguments.add(Timestamp.from(day.plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant()));
            String where = " WHERE a.raised_at >= ? AND a.raised_at < ? AND "
                    + districtSql(operator.district(), arguments);
            jdbc.query("SELECT a.severity, COUNT(*) " + FROM + where + " GROUP BY a.severity", row -> {
                counts.put(Severity.valueOf(row.getString(1)), row.getLong(2));
            }, arguments.toArray());
            perDay.put(day, counts);
        }
        return perDay;
    }

    private AlarmRow find(OperatorContext operator, long alarmId, boolean lock) {
        if (lock) {
            // Only the alarm row: the joined meter, household and collector rows stay unlocked.
            jdbc.queryForList("SELECT id FROM alarm WHERE id = ? FOR UPDATE", Long.class, alarmId);
        }
        List<Object> arguments = new ArrayList<>();
        String where = " WHERE a.id = ? AND ";
        arguments.add(alarmId);
        where += districtSql(operator.district(), arguments);
        List<AlarmRow> rows = jdbc.query(COLUMNS + FROM + where,
                (row, n) -> row(row), arguments.toArray());
        if (rows.isEmpty()) {
            throw new DomainException("error.alarm.not.found", alarmId);
        }
        return rows.getFirst();
    }

    /** The district as SQL over the joined meter ({@code m}) and collector ({@code c}). */
    private static String districtSql(DistrictScope district, List<Object> arguments) {
        if (district.wholeSite()) {
            return "TRUE";
        }
        List<String> parts = new ArrayList<>();
        if (!district.buildingIds().isEmpty()) {
            parts.add("COALESCE(m.building_id, c.building_id) IN ("
                    + district.buildingIds().stream().map(id -> "?").collect(Collectors.joining(",")) + ")");
            arguments.addAll(district.buildingIds());
        }
        if (!district.boxIds().isEmpty()) {
            parts.add("m.box_id IN (" + district.boxIds().stream().map(id -> "?").collect(Collectors.joining(","))
                    + ")");
            arguments.addAll(district.boxIds());
        }
        return parts.isEmpty() ? "FALSE" : "(" + String.join(" OR ", parts) + ")";
    }

    static AlarmRow row(ResultSet row) throws SQLException {
        return new AlarmRow(row.getLong(1), AlarmKind.valueOf(row.getString(2)), Severity.valueOf(row.getString(3)),
                AlarmState.valueOf(row.getString(4)), row.getObject(5, Long.class), row.getString(6), row.getString(7),
                row.getObject(8, Long.class), row.getObject(9, Integer.class), row.getObject(10, Long.class),
                row.getString(11), row.getObject(12, Long.class), row.getString(13), row.getString(14),
                instant(row.getTimestamp(15)), instant(row.getTimestamp(16)), row.getInt(17),
                instant(row.getTimestamp(18)), row.getString(19), instant(row.getTimestamp(20)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
