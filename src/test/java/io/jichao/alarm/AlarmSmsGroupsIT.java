package io.jichao.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.jichao.notify.NotificationService;
import io.jichao.notify.NotificationView;
import io.jichao.notify.NotifyFixtures;
import io.jichao.testing.JichaoSpringTest;

/**
 * An alarm storm in one building: 40 clock-drift alarms within the group window reach the managers
 * as one SMS in the contact's language, escalate as one alert and stop escalating once all 40 are
 * settled. The notifier and groups are this test's own (5-minute window, a clock it moves) over the
 * real database and outbox; the context's notifier alerts each alarm at once (test profile), so the
 * alarm rows are written here and their events handed to this test's notifier only.
 */
@JichaoSpringTest
class AlarmSmsGroupsIT {

    private static final int STORM = 40;
    private static final String ENGLISH_DETAIL = "meter clock off by 1928 s (limit 60 s)";

    @Autowired
    private NotificationService notifications;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    private final MovingClock clock = new MovingClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private AlarmSmsGroups groups;
    private AlarmNotifier notifier;
    private long buildingId;
    private String buildingName;
    private final List<Long> alarmIds = new ArrayList<>();
    private List<Map<String, Object>> savedContacts = List.of();
    private List<String> managers;

    @BeforeEach
    void aBuildingWithThreeChineseSpeakingManagers() {
        AlarmSmsProperties properties = new AlarmSmsProperties(true,
                List.of(AlarmKind.LOW_REMAINING_1, AlarmKind.LOW_REMAINING_2, AlarmKind.ZERO_REMAINING),
                List.of(AlarmKind.CLOCK_DRIFT, AlarmKind.METER_COMM_FAILURE), Duration.ofMinutes(5));
        groups = new AlarmSmsGroups(jdbc, notifications, properties, clock);
        notifier = new AlarmNotifier(notifications, properties, jdbc, transactions, groups);
        buildingId = jdbc.queryForObject("""
                SELECT building_id FROM meter GROUP BY building_id ORDER BY COUNT(*) DESC, building_id LIMIT 1""",
                Long.class);
        buildingName = jdbc.queryForObject("SELECT name FROM building WHERE id = ?", String.class, buildingId);
        savedContacts = jdbc.queryForList("SELECT position, name, phone, language FROM notification_contact "
                + "WHERE building_id = ?", buildingId);
        jdbc.update("DELETE FROM notification_contact WHERE building_id = ?", buildingId);
        managers = List.of(NotifyFixtures.phone(), NotifyFixtures.phone(), NotifyFixtures.phone());
        for (int i = 0; i < managers.size(); i++) {
            jdbc.update("INSERT INTO notification_contact (building_id, position, name, phone, language) "
                    + "VALUES (?, ?, ?, ?, 'zh-CN')", buildingId, i, "经理" + i, managers.get(i));
        }
    }

    @AfterEach
    void restore() {
        for (long alarmId : alarmIds) {
            jdbc.update("DELETE FROM alarm_sms_group_member WHERE alarm_id = ?", alarmId);
            jdbc.update("DELETE FROM alarm WHERE id = ?", alarmId);
        }
        jdbc.update("DELETE FROM alarm_sms_group WHERE building_id = ? AND id NOT IN "
                + "(SELECT group_id FROM alarm_sms_group_member)", buildingId);
        jdbc.update("DELETE FROM notification_contact WHERE building_id = ?", buildingId);
        savedContacts.forEach(c -> jdbc.update("INSERT INTO notification_contact (building_id, position, name, phone, "
                + "language) VALUES (?, ?, ?, ?, ?)", buildingId, c.get("position"), c.get("name"), c.get("phone"),
                c.get("language")));
    }

    @Test
    void forty_clock_drift_alarms_in_one_building_within_the_window_make_one_chinese_manager_sms() {
        Instant first = clock.instant();
        raiseClockDriftStorm();

        assertThat(groups.sendDue()).as("nothing before the window has passed").isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(groups.sendDue()).isEqualTo(1);

        String key = AlarmSmsGroups.alertKey(groupOf(alarmIds.getFirst()));
        List<NotificationView> sent = notifications.alertMessages(key);
        assertThat(sent).singleElement().extracting(NotificationView::phone).isEqualTo(managers.get(0));
        String body = sent.getFirst().body();
        assertThat(body).isEqualTo("【集抄】" + buildingName + "告警：40 块电表时钟偏差，最早 "
                + java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
                .withZone(ZoneId.of("Asia/Shanghai")).format(first) + "。请及时处理。");
        assertThat(body.replace(buildingName, "")).as("Chinese only, no English detail")
                .doesNotContainPattern("[A-Za-z]");
        assertThat(alarmIds).allSatisfy(id -> assertThat(notifications.alertMessages(AlarmNotifier.alertKey(id)))
                .as("no SMS per alarm").isEmpty());
        assertThat(groups.sendDue()).as("sent once").isZero();
    }

    @Test
    void the_group_escalates_as_one_alert_until_all_its_alarms_are_acknowledged_or_cleared() {
        raiseClockDriftStorm();
        clock.advance(Duration.ofMinutes(6));
        groups.sendDue();
        String key = AlarmSmsGroups.alertKey(groupOf(alarmIds.getFirst()));

        escalationDueNow(key);
        notifications.escalateDue();
        assertThat(notifications.alertMessages(key)).as("the second manager, once for the whole group")
                .extracting(NotificationView::phone).containsExactlyElementsOf(managers.subList(0, 2));

        for (long alarmId : alarmIds.subList(0, STORM - 1)) {
            settle(alarmId, AlarmState.ACKNOWLEDGED);
        }
        assertThat(alertState(key)).as("one alarm of the group still raised").isEqualTo("OPEN");
        settle(alarmIds.getLast(), AlarmState.CLEARED);
        escalationDueNow(key);
        notifications.escalateDue();

        assertThat(alertState(key)).isEqualTo("ACKNOWLEDGED");
        assertThat(notifications.alertMessages(key)).as("the third manager is not woken").hasSize(2);
    }

    @Test
    void alarms_settled_before_the_window_ends_wake_nobody() {
        raiseClockDriftStorm();
        alarmIds.forEach(id -> settle(id, AlarmState.CLEARED));
        clock.advance(Duration.ofMinutes(5));

        assertThat(groups.sendDue()).isZero();
        assertThat(notifications.alertMessages(AlarmSmsGroups.alertKey(groupOf(alarmIds.getFirst())))).isEmpty();
    }

    /** 40 alarms over the first four minutes of the window, on the building's meters (several per meter if few). */
    private void raiseClockDriftStorm() {
        List<Long> meters = jdbc.queryForList("SELECT id FROM meter WHERE building_id = ? ORDER BY id", Long.class,
                buildingId);
        for (int i = 0; i < STORM; i++) {
            long meterId = meters.get(i % meters.size());
            Instant at = clock.instant();
            jdbc.update("""
                    INSERT INTO alarm (kind, severity, state, meter_id, active_key, detail, raised_at, last_seen_at)
                    VALUES ('CLOCK_DRIFT', 'ALARM', 'RAISED', ?, ?, ?, ?, ?)""", meterId,
                    "test-storm-" + System.nanoTime() + "-" + i, ENGLISH_DETAIL, Timestamp.from(at), Timestamp.from(at));
            long alarmId = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
            alarmIds.add(alarmId);
            notifier.on(new AlarmChanged(alarmId, "CLOCK_DRIFT", Severity.ALARM, AlarmState.RAISED, meterId, null, null));
            clock.advance(Duration.ofSeconds(6));
        }
    }

    private void settle(long alarmId, AlarmState state) {
        jdbc.update("UPDATE alarm SET state = ?, acknowledged_by = ?, acknowledged_at = ?, active_key = "
                        + "CASE WHEN ? = 'CLEARED' THEN NULL ELSE active_key END WHERE id = ?", state.name(),
                state == AlarmState.ACKNOWLEDGED ? "super" : null,
                state == AlarmState.ACKNOWLEDGED ? Timestamp.from(clock.instant()) : null, state.name(), alarmId);
        notifier.on(new AlarmChanged(alarmId, "CLOCK_DRIFT", Severity.ALARM, state, null, null, null));
    }

    private long groupOf(long alarmId) {
        return jdbc.queryForObject("SELECT group_id FROM alarm_sms_group_member WHERE alarm_id = ?", Long.class, alarmId);
    }

    private void escalationDueNow(String key) {
        jdbc.update("UPDATE notification_alert SET escalate_at = ? WHERE alert_key = ? AND escalate_at IS NOT NULL",
                Timestamp.from(Instant.now().minusSeconds(1)), key);
    }

    private String alertState(String key) {
        return jdbc.queryForList("SELECT state FROM notification_alert WHERE alert_key = ?", String.class, key)
                .stream().findFirst().orElse(null);
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
