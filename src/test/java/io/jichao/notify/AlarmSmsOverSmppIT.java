package io.jichao.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.alarm.AlarmKind;
import io.jichao.alarm.AlarmRecorder;
import io.jichao.alarm.AlarmSubject;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.testing.JichaoSpringTest;

/**
 * End to end: alarms raised by the alarm feature become SMS that reach a real SMPP 3.4 server on
 * loopback, each exactly once, however often the condition repeats and the dispatcher runs. (A
 * test of the outbox's side; the notify main code still knows nothing of alarms.)
 */
@JichaoSpringTest
class AlarmSmsOverSmppIT {

    @Autowired
    private AlarmRecorder recorder;
    @Autowired
    private NotificationService notifications;
    @Autowired
    private Outbox outbox;
    @Autowired
    private SmsReceipts receipts;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private UserDetailsService users;

    private NotifyFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new NotifyFixtures(meters, structure, users);
        NotifyFixtures.parkQueuedMessages(jdbc);
    }

    @Test
    void a_low_credit_alarm_and_a_fault_reach_the_household_and_the_first_manager_once_each() throws Exception {
        String household = NotifyFixtures.phone();
        long meterId = fixtures.meterWithPhones("A", List.of(household));
        String manager = jdbc.queryForObject("SELECT phone FROM notification_contact WHERE building_id = ? "
                + "ORDER BY position LIMIT 1", String.class, fixtures.buildingId("A"));

        long low = 0;
        for (int i = 0; i < 3; i++) {
            low = recorder.raise(AlarmKind.LOW_REMAINING_2, AlarmSubject.meter(meterId), "remaining 8.50 kWh ≤ 10 kWh")
                    .alarmId();
        }
        long fault = recorder.raise(AlarmKind.RELAY_MISMATCH, AlarmSubject.meter(meterId),
                "expected OPEN, read CLOSED after 3 attempts").alarmId();

        try (TestSmsc smsc = TestSmsc.start()) {
            OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, withSmscPort(smsc.port()), transactions,
                    new TestClock(Instant.now().plusSeconds(1)));
            try (SmppSmsSender sender = new SmppSmsSender(withSmscPort(smsc.port()).smpp(), receipts)) {
                dispatcher.dispatch(sender);
                long lowId = notifications.messages("alarm:" + low).getFirst().id();
                long faultId = notifications.alertMessages("alarm:" + fault).getFirst().id();
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                        outbox.find(lowId).orElseThrow().state() == NotificationState.DELIVERED
                                && outbox.find(faultId).orElseThrow().state() == NotificationState.DELIVERED);
                dispatcher.dispatch(sender);
            }
            assertThat(smsc.submittedTo(household)).hasSize(1).first().satisfies(s -> assertThat(s.text())
                    .isEqualTo("【集抄】您的电表剩余电量仅为8.50度，已低于二级告警值，请尽快充值，以免断电。"));
            assertThat(smsc.submittedTo(manager).stream().filter(s -> s.text().contains("继电器状态与命令不符")))
                    .as("the fault's alert to the first manager").hasSize(1);
        }
    }

    private static SmsProperties withSmscPort(int port) {
        SmsProperties p = NotifyFixtures.properties();
        return new SmsProperties(p.sender(), p.defaultLanguage(), p.maxAttempts(), p.retryMin(), p.retryMax(),
                p.perNumberPerHour(), p.dedupWindow(), p.quietStart(), p.quietEnd(), p.quietZone(), p.escalationDelay(),
                p.batchSize(), p.sendingTimeout(), new SmsProperties.Smpp("127.0.0.1", port, "jichao", "secret", "",
                        "10690000", Duration.ofSeconds(3)), p.http());
    }
}
