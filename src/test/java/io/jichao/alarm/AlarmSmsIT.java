package io.jichao.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.DeviceInventory;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.MeterReadEvents;
import io.jichao.collection.ReadingItem;
import io.jichao.notify.NotificationService;
import io.jichao.notify.NotificationView;
import io.jichao.notify.NotifyFixtures;
import io.jichao.simulator.MeterConfig;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Alarms reach people by SMS: demo meters simulated over real TCP, read by the engine, judged by
 * the alarm rules, and {@link AlarmNotifier} queuing household reminders and manager alerts in the
 * real outbox. The household's numbers and the building's manager contacts are the test's own
 * and put back afterwards.
 */
@JichaoSpringTest
class AlarmSmsIT {

    private static final Set<ReadingItem> CREDIT = Set.of(ReadingItem.REMAINING_ENERGY);
    private static final Set<ReadingItem> ENERGY = Set.of(ReadingItem.ACTIVE_ENERGY);

    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private CollectionEngine engine;
    @Autowired
    private MeterReadEvents readEvents;
    @Autowired
    private MeterAlarmRules rules;
    @Autowired
    private AlarmService alarms;
    @Autowired
    private AlarmRecorder recorder;
    @Autowired
    private NotificationService notifications;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private AlarmSimulation simulation;
    private long meterId;
    private long householdId;
    private long buildingId;
    private List<Map<String, Object>> savedPhones = List.of();
    private List<Map<String, Object>> savedContacts = List.of();

    @AfterEach
    void restore() {
        if (simulation != null) {
            simulation.close();
        }
        jdbc.update("DELETE FROM household_phone WHERE household_id = ?", householdId);
        savedPhones.forEach(p -> jdbc.update("INSERT INTO household_phone (household_id, position, phone) VALUES (?, ?, ?)",
                householdId, p.get("position"), p.get("phone")));
        jdbc.update("DELETE FROM notification_contact WHERE building_id = ?", buildingId);
        savedContacts.forEach(c -> jdbc.update("INSERT INTO notification_contact (building_id, position, name, phone, "
                + "language) VALUES (?, ?, ?, ?, ?)", buildingId, c.get("position"), c.get("name"), c.get("phone"),
                c.get("language")));
    }

    @Test
    void low_credit_texts_every_number_of_the_household_once_however_many_cycles_see_it() {
        simulate(meter -> meter.withRemainingKwh(new BigDecimal("15")));
        List<String> phones = householdPhones(2);

        for (int i = 0; i < 3; i++) {
            simulation.cycle(CREDIT);
        }

        long alarmId = activeAlarm(AlarmKind.LOW_REMAINING_1);
        List<NotificationView> sms = awaitMessages(alarmId, 2);
        assertThat(sms).extracting(NotificationView::phone).containsExactlyElementsOf(phones);
        assertThat(sms).allSatisfy(message -> assertThat(message.body())
                .isEqualTo("【集抄】您的电表剩余电量为15.00度，已低于一级告警值，请及时充值。"));
        assertThat(notifications.alertMessages(AlarmNotifier.alertKey(alarmId)))
                .as("low credit is the household's business, not the managers'").isEmpty();

        simulation.advance(Duration.ofHours(6));
        simulation.cycle(CREDIT);
        long level2 = activeAlarm(AlarmKind.LOW_REMAINING_2);
        assertThat(awaitMessages(level2, 2)).allSatisfy(message -> assertThat(message.body()).contains("二级告警值"));
        assertThat(notifications.messages(AlarmNotifier.alertKey(alarmId))).as("nothing more for level 1").hasSize(2);
        LoginSupport.loginAs(users, "super");
        try {
            assertThat(alarms.smsMessages(level2)).as("the alarm page's list").extracting(NotificationView::phone)
                    .containsExactlyElementsOf(phones);
        } finally {
            LoginSupport.logout();
        }
    }

    @Test
    void a_fault_alerts_the_first_manager_urgently_and_the_second_after_the_escalation_delay() {
        simulate(UnaryOperator.identity());
        List<String> managers = managerContacts();
        String key = AlarmNotifier.alertKey(portFailure());

        List<NotificationView> alerted = awaitAlert(key, 1);
        assertThat(alerted.getFirst().phone()).isEqualTo(managers.get(0));
        assertThat(alerted.getFirst().urgent()).isTrue();
        assertThat(alerted.getFirst().body()).startsWith("【集抄】").contains("端口通信故障")
                .contains(simulation.collector.name());
        notifications.escalateDue();
        assertThat(notifications.alertMessages(key)).as("not before the delay").hasSize(1);

        escalationDueNow(key);
        notifications.escalateDue();

        assertThat(notifications.alertMessages(key)).extracting(NotificationView::phone)
                .containsExactlyElementsOf(managers);
        assertThat(notifications.alertMessages(key)).extracting(NotificationView::escalationStep).containsExactly(0, 1);
    }

    @Test
    void acknowledging_the_alarm_stops_the_escalation() {
        simulate(UnaryOperator.identity());
        List<String> managers = managerContacts();
        long alarmId = portFailure();
        String key = AlarmNotifier.alertKey(alarmId);
        awaitAlert(key, 1);

        LoginSupport.loginAs(users, "super");
        try {
            alarms.acknowledge(alarmId);
        } finally {
            LoginSupport.logout();
        }
        escalationDueNow(key);
        notifications.escalateDue();

        assertThat(alertState(key)).isEqualTo("ACKNOWLEDGED");
        assertThat(notifications.alertMessages(key)).as("acknowledged: nobody else is texted")
                .extracting(NotificationView::phone).containsExactly(managers.get(0));
        assertThat(jdbc.queryForObject("SELECT acknowledged_by FROM notification_alert WHERE alert_key = ?",
                String.class, key)).isEqualTo("super");
    }

    @Test
    void a_fault_that_clears_before_anyone_acknowledges_it_escalates_no_further() {
        simulate(UnaryOperator.identity());
        List<String> managers = managerContacts();
        String key = AlarmNotifier.alertKey(portFailure());
        awaitAlert(key, 1);

        simulation.simulator.faults().repairPort(AlarmSimulation.COLLECTOR, simulation.port.portNumber());
        simulation.cycle(ENERGY);
        health().check();

        assertThat(alertState(key)).isEqualTo("ACKNOWLEDGED");
        escalationDueNow(key);
        notifications.escalateDue();
        assertThat(notifications.alertMessages(key)).extracting(NotificationView::phone)
                .containsExactly(managers.get(0));
        assertThat(jdbc.queryForObject("SELECT acknowledged_by FROM notification_alert WHERE alert_key = ?",
                String.class, key)).isEqualTo("system");
    }

    private void simulate(UnaryOperator<MeterConfig> configure) {
        simulation = AlarmSimulation.start(inventory, engine, readEvents, rules, 1, configure);
        meterId = simulation.meterId(0);
        jdbc.update("UPDATE meter SET alarm_level1_kwh = NULL, alarm_level2_kwh = NULL WHERE id = ?", meterId);
        jdbc.update("DELETE FROM alarm WHERE meter_id = ? OR collector_id = ?", meterId, simulation.collector.id());
        rules.forget();
        householdId = jdbc.queryForObject("SELECT household_id FROM meter WHERE id = ?", Long.class, meterId);
        buildingId = jdbc.queryForObject("SELECT building_id FROM meter WHERE id = ?", Long.class, meterId);
        savedPhones = jdbc.queryForList("SELECT position, phone FROM household_phone WHERE household_id = ?", householdId);
        savedContacts = jdbc.queryForList("SELECT position, name, phone, language FROM notification_contact "
                + "WHERE building_id = ?", buildingId);
    }

    private List<String> householdPhones(int count) {
        jdbc.update("DELETE FROM household_phone WHERE household_id = ?", householdId);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phone = NotifyFixtures.phone();
            jdbc.update("INSERT INTO household_phone (household_id, position, phone) VALUES (?, ?, ?)", householdId, i, phone);
            phones.add(phone);
        }
        return phones;
    }

    private List<String> managerContacts() {
        jdbc.update("DELETE FROM notification_contact WHERE building_id = ?", buildingId);
        List<String> phones = List.of(NotifyFixtures.phone(), NotifyFixtures.phone());
        for (int i = 0; i < phones.size(); i++) {
            jdbc.update("INSERT INTO notification_contact (building_id, position, name, phone, language) "
                    + "VALUES (?, ?, ?, ?, 'zh-CN')", buildingId, i, "Manager " + i, phones.get(i));
        }
        return phones;
    }

    /** A shorted bus: the port's last cycle had meters and no answer, a PORT_COMM_FAILURE on the collector's building. */
    private long portFailure() {
        simulation.simulator.faults().shortPort(AlarmSimulation.COLLECTOR, simulation.port.portNumber());
        simulation.cycle(ENERGY);
        health().check();
        long portId = jdbc.queryForObject("SELECT id FROM serial_port WHERE collector_id = ? AND port_number = ?",
                Long.class, simulation.collector.id(), simulation.port.portNumber());
        return jdbc.queryForObject("SELECT id FROM alarm WHERE active_key = ?", Long.class,
                AlarmSubject.port(portId, simulation.collector.id()).activeKey(AlarmKind.PORT_COMM_FAILURE));
    }

    /** The connection rules without grace time, as the health job runs them. */
    private EngineHealthRules health() {
        return new EngineHealthRules(engine, recorder, new AlarmProperties(true, new BigDecimal("20"),
                new BigDecimal("10"), new BigDecimal("3"), new BigDecimal("198"), new BigDecimal("242"), 3,
                Duration.ZERO, Duration.ofSeconds(30)), jdbc);
    }

    /** What the dispatch job would see once {@code jichao.sms.escalation-delay} has passed. */
    private void escalationDueNow(String key) {
        jdbc.update("UPDATE notification_alert SET escalate_at = ? WHERE alert_key = ? AND escalate_at IS NOT NULL",
                Timestamp.from(Instant.now().minusSeconds(1)), key);
    }

    private long activeAlarm(AlarmKind kind) {
        return jdbc.queryForObject("SELECT id FROM alarm WHERE active_key = ?", Long.class,
                AlarmSubject.meter(meterId).activeKey(kind));
    }

    private List<NotificationView> awaitMessages(long alarmId, int count) {
        String key = AlarmNotifier.alertKey(alarmId);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> notifications.messages(key).size() >= count);
        return notifications.messages(key);
    }

    private List<NotificationView> awaitAlert(String key, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> notifications.alertMessages(key).size() >= count);
        return notifications.alertMessages(key);
    }

    private String alertState(String key) {
        return jdbc.queryForList("SELECT state FROM notification_alert WHERE alert_key = ?", String.class, key)
                .stream().findFirst().orElse(null);
    }
}
