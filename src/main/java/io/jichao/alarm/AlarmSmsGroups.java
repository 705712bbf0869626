package io.jichao.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.notify.NotificationService;
import io.jichao.shared.TimeConfiguration;

/**
 * Manager alerts for alarm storms (issue 17 item 6): alarms of one kind in one building within
 * {@code jichao.alarms.sms.group-window} make one group and one SMS. The first alarm opens the group;
 * later ones of the window join it; once the window has passed, {@link #sendDue} alerts the
 * building's managers once: a lone alarm with its own text ({@code sms.alarm.one.<KIND>}, subject
 * named), several with the count and the earliest time ({@code sms.alarm.group.<KIND>}, e.g.
 * "B座：37 块电表时钟偏差，最早 12-08 09:15"). The alert escalates like any other and is acknowledged
 * once none of its alarms is still raised (each acknowledged or cleared). Texts hold only the
 * building, subject, count and time, rendered per recipient language: no free-text detail.
 */
@Component
class AlarmSmsGroups {

    static final String GROUP_PREFIX = "alarm-group:";
    private static final Logger log = LoggerFactory.getLogger(AlarmSmsGroups.class);
    private static final DateTimeFormatter EARLIEST = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final JdbcTemplate jdbc;
    private final NotificationService notifications;
    private final Duration window;
    private final Clock clock;

    AlarmSmsGroups(JdbcTemplate jdbc, NotificationService notifications, AlarmSmsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.window = properties.groupWindow();
        this.clock = clock;
    }

    /** The alert key of a group, for {@link NotificationService#alertMessages}. */
    static String alertKey(long groupId) {
        return GROUP_PREFIX + groupId;
    }

    /** Whether alarms are grouped at all (a zero window alerts each alarm at once). */
    boolean grouping() {
        return !window.isZero() && !window.isNegative();
    }

    /** Puts a raised manager alarm into the open group of its building and kind, opening one if needed. */
    @Transactional
    void join(AlarmRow alarm) {
        Instant now = clock.instant();
        Optional<Long> open = jdbc.queryForList("""
                SELECT id FROM alarm_sms_group WHERE building_id = ? AND kind = ? AND sent_at IS NULL
                ORDER BY id LIMIT 1 FOR UPDATE""", Long.class, alarm.buildingId(), alarm.kind().name())
                .stream().findFirst();
        long groupId = open.orElseGet(() -> {
            jdbc.update("INSERT INTO alarm_sms_group (building_id, kind, opened_at) VALUES (?, ?, ?)",
                    alarm.buildingId(), alarm.kind().name(), Timestamp.from(now));
            return jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
        });
        jdbc.update("INSERT IGNORE INTO alarm_sms_group_member (group_id, alarm_id) VALUES (?, ?)", groupId, alarm.id());
    }

    /** Sends every group whose window has passed; returns how many alerts were opened. */
    @Transactional
    int sendDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.queryForList("""
                SELECT id FROM alarm_sms_group WHERE sent_at IS NULL AND opened_at <= ? ORDER BY id FOR UPDATE""",
                Long.class, Timestamp.from(now.minus(window)));
        int sent = 0;
        for (long groupId : due) {
            if (send(groupId)) {
                sent++;
            }
            jdbc.update("UPDATE alarm_sms_group SET sent_at = ?, alert_key = ? WHERE id = ?", Timestamp.from(now),
                    alertKey(groupId), groupId);
        }
        return sent;
    }

    private boolean send(long groupId) {
        // Alarms acknowledged or cleared before the window ended need nobody woken.
        List<AlarmRow> raised = jdbc.query(AlarmService.COLUMNS + AlarmService.FROM + """
                JOIN alarm_sms_group_member g ON g.alarm_id = a.id
                WHERE g.group_id = ? AND a.state = 'RAISED' ORDER BY a.raised_at, a.id""",
                (row, n) -> AlarmService.row(row), groupId);
        if (raised.isEmpty()) {
            return false;
        }
        AlarmRow first = raised.getFirst();
        String building = first.buildingName() == null ? String.valueOf(first.buildingId()) : first.buildingName();
        boolean urgent = raised.stream().anyMatch(a -> a.severity() == Severity.FAULT);
        String key = alertKey(groupId);
        try {
            if (raised.size() == 1) {
                return notifications.alertBuilding(first.buildingId(), "sms.alarm.one." + first.kind().name(),
                        Map.of("building", building, "subject", first.subject()), key, urgent);
            }
            return notifications.alertBuilding(first.buildingId(), "sms.alarm.group." + first.kind().name(),
                    Map.of("building", building, "count", String.valueOf(raised.size()),
                            "earliest", EARLIEST.format(first.raisedAt())), key, urgent);
        } catch (IllegalArgumentException noText) {
            log.warn("Alarm group {} ({}): no SMS text, nobody alerted: {}", groupId, first.kind(), noText.getMessage());
            return false;
        }
    }

    /**
     * An alarm was acknowledged or cleared: once no alarm of its group is still raised, the group's
     * alert is acknowledged (by {@code by}) so its escalation stops.
     */
    @Transactional
    void settled(long alarmId, String by) {
        List<Map<String, Object>> group = jdbc.queryForList("""
                SELECT g.id, g.alert_key FROM alarm_sms_group g JOIN alarm_sms_group_member m ON m.group_id = g.id
                WHERE m.alarm_id = ?""", alarmId);
        if (group.isEmpty() || group.getFirst().get("alert_key") == null) {
            return; // not grouped, or not sent yet: the send skips what is settled
        }
        long groupId = ((Number) group.getFirst().get("id")).longValue();
        Integer stillRaised = jdbc.queryForObject("""
                SELECT COUNT(*) FROM alarm_sms_group_member m JOIN alarm a ON a.id = m.alarm_id
                WHERE m.group_id = ? AND a.state = 'RAISED'""", Integer.class, groupId);
        if (stillRaised != null && stillRaised == 0) {
            notifications.acknowledge((String) group.getFirst().get("alert_key"), by);
        }
    }
}
