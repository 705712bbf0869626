package io.jichao.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** Queuing, de-duplication, rate limit, quiet hours, give-up and escalation on real MariaDB. */
@JichaoSpringTest
class NotificationServiceIT {

    private static final Map<String, String> RECHARGE = Map.of("amount", "20.00", "kwh", "25.00", "remaining", "31.50");
    private static final Map<String, String> ALARM = Map.of("building", "X", "subject", "meter 1", "detail", "relay open");
    private static final LocalTime NONE = LocalTime.MIDNIGHT;

    @Autowired
    private NotificationService notifications;
    @Autowired
    private Outbox outbox;
    @Autowired
    private Alerts alerts;
    @Autowired
    private ArchiveFacts archive;
    @Autowired
    private SmsTemplates templates;
    @Autowired
    private AuditTrail audit;
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
    private final SmsSender log = new LogSmsSender();

    @BeforeEach
    void fixtures() {
        fixtures = new NotifyFixtures(meters, structure, users);
        NotifyFixtures.parkQueuedMessages(jdbc);
    }

    @Test
    void every_number_of_the_household_is_queued_once_per_dedup_key() {
        String first = NotifyFixtures.phone();
        String second = NotifyFixtures.phone();
        long meterId = fixtures.meterWithPhones("A", List.of(first, second));
        String key = NotifyFixtures.key("dedup");

        List<Long> queued = notifications.toHousehold(meterId, "sms.recharge.confirmed", RECHARGE, key);
        List<Long> again = notifications.toHousehold(meterId, "sms.recharge.confirmed", RECHARGE, key);
        List<Long> other = notifications.toHousehold(meterId, "sms.recharge.confirmed", RECHARGE, NotifyFixtures.key("dedup"));

        assertThat(queued).hasSize(2);
        assertThat(again).isEmpty();
        assertThat(other).hasSize(2);
        assertThat(notifications.messages(key)).extracting(NotificationView::phone).containsExactly(first, second);
        assertThat(notifications.messages(key)).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(NotificationState.QUEUED);
            assertThat(m.language()).isEqualTo("zh-CN");
            assertThat(m.body()).isEqualTo("【集抄】充值成功：20.00元，25.00度。电表剩余电量：31.50度。");
        });
    }

    @Test
    void a_household_without_numbers_gets_nothing_and_a_bad_template_fails_the_caller() {
        long meterId = fixtures.meterWithPhones("A", List.of());
        assertThat(notifications.toHousehold(meterId, "sms.recharge.confirmed", RECHARGE, NotifyFixtures.key("none"))).isEmpty();
        long withPhone = fixtures.meterWithPhones("A", List.of(NotifyFixtures.phone()));
        assertThatThrownBy(() -> notifications.toHousehold(withPhone, "sms.recharge.confirmed", Map.of(), NotifyFixtures.key("bad")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_rate_limit_of_a_number_defers_the_surplus_and_sends_it_an_hour_later() {
        String phone = NotifyFixtures.phone();
        long meterId = fixtures.meterWithPhones("A", List.of(phone));
        List<Long> ids = List.of(queue(meterId), queue(meterId), queue(meterId));
        TestClock clock = new TestClock(Instant.now().plusSeconds(1));
        OutboxDispatcher dispatcher = dispatcher(NotifyFixtures.properties(2, NONE, NONE), clock);

        dispatcher.dispatch(log);

        assertThat(state(ids.get(0))).isEqualTo(NotificationState.LOGGED);
        assertThat(state(ids.get(1))).isEqualTo(NotificationState.LOGGED);
        NotificationView deferred = outbox.find(ids.get(2)).orElseThrow();
        assertThat(deferred.state()).isEqualTo(NotificationState.QUEUED);
        assertThat(deferred.attempts()).as("a deferral is no attempt").isZero();
        assertThat(deferred.lastError()).isEqualTo("rate limit of the number");
        assertThat(deferred.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(59));
        dispatcher.dispatch(log);
        assertThat(state(ids.get(2))).isEqualTo(NotificationState.QUEUED);
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatch(log);
        assertThat(state(ids.get(2))).isEqualTo(NotificationState.LOGGED);
    }

    @Test
    void quiet_hours_hold_household_messages_until_morning_but_not_urgent_alerts() {
        long meterId = fixtures.meterWithPhones("A", List.of(NotifyFixtures.phone()));
        long household = queue(meterId);
        long buildingId = newBuilding();
        String manager = NotifyFixtures.phone();
        archive.replaceContacts(buildingId, List.of(new Contact(buildingId, 0, "Wang", manager, "zh-CN")));
        String urgentKey = NotifyFixtures.key("urgent");
        notifications.alertBuilding(buildingId, "sms.alert.generic", ALARM, urgentKey, true);
        long urgent = notifications.alertMessages(urgentKey).getFirst().id();

        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        LocalDate tomorrow = LocalDate.now(shanghai).plusDays(1);
        TestClock clock = new TestClock(tomorrow.atTime(23, 30).atZone(shanghai).toInstant());
        dispatcher(NotifyFixtures.properties(100, LocalTime.of(22, 0), LocalTime.of(7, 0)), clock).dispatch(log);

        NotificationView held = outbox.find(household).orElseThrow();
        assertThat(held.state()).isEqualTo(NotificationState.QUEUED);
        assertThat(held.lastError()).isEqualTo("quiet hours");
        assertThat(held.nextAttemptAt()).isEqualTo(tomorrow.plusDays(1).atTime(7, 0).atZone(shanghai).toInstant());
        assertThat(state(urgent)).isEqualTo(NotificationState.LOGGED);
    }

    @Test
    void a_message_the_gateway_keeps_refusing_fails_after_the_last_attempt() {
        long id = queue(fixtures.meterWithPhones("A", List.of(NotifyFixtures.phone())));
        TestClock clock = new TestClock(Instant.now().plusSeconds(1));
        OutboxDispatcher dispatcher = dispatcher(NotifyFixtures.properties(), clock);
        SmsSender refusing = sms -> {
            throw new SmsSender.SmsSendException("gateway answered 503");
        };

        dispatcher.dispatch(refusing);
        clock.advance(Duration.ofSeconds(10));
        dispatcher.dispatch(refusing);
        assertThat(state(id)).isEqualTo(NotificationState.QUEUED);
        clock.advance(Duration.ofSeconds(20));
        dispatcher.dispatch(refusing);

        NotificationView failed = outbox.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(NotificationState.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("gateway answered 503");
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatch(log);
        assertThat(state(id)).isEqualTo(NotificationState.FAILED);
    }

    @Test
    void a_message_left_sending_by_a_stopped_process_is_failed_not_sent_again() {
        long id = queue(fixtures.meterWithPhones("A", List.of(NotifyFixtures.phone())));
        Instant claimedAt = Instant.now().plusSeconds(1);
        // What a dispatcher that stopped mid-send leaves behind.
        jdbc.update("UPDATE notification SET state = 'SENDING', claim_token = 'x', claimed_at = ?, attempts = 1 WHERE id = ?",
                java.sql.Timestamp.from(claimedAt), id);

        TestClock clock = new TestClock(claimedAt.plus(Duration.ofMinutes(11)));
        dispatcher(NotifyFixtures.properties(), clock).dispatch(log);

        NotificationView failed = outbox.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(NotificationState.FAILED);
        assertThat(failed.lastError()).contains("outcome unknown");
    }

    @Test
    void an_alert_goes_down_the_contact_list_until_acknowledged() {
        long buildingId = newBuilding();
        String first = NotifyFixtures.phone();
        String second = NotifyFixtures.phone();
        String third = NotifyFixtures.phone();
        archive.replaceContacts(buildingId, List.of(new Contact(buildingId, 0, "Wang", first, "zh-CN"),
                new Contact(buildingId, 1, "Li", second, "en"), new Contact(buildingId, 2, "Zhao", third, "zh-CN")));
        TestClock clock = new TestClock(Instant.now().plusSeconds(1));
        NotificationService service = service(clock);
        String key = NotifyFixtures.key("alarm");

        assertThat(service.alertBuilding(buildingId, "sms.alert.generic", ALARM, key, false)).isTrue();
        assertThat(service.alertBuilding(buildingId, "sms.alert.generic", ALARM, key, false)).as("no storm").isFalse();
        assertThat(phones(key)).containsExactly(first);

        clock.advance(Duration.ofMinutes(14));
        service.escalateDue();
        assertThat(phones(key)).containsExactly(first);
        clock.advance(Duration.ofMinutes(1));
        service.escalateDue();
        assertThat(phones(key)).containsExactly(first, second);
        assertThat(service.alertMessages(key).get(1).body()).isEqualTo("[Jichao] Alarm at X: meter 1, relay open. Please check.");

        assertThat(transactions.<Boolean>execute(tx -> service.acknowledge(key, "maint"))).isTrue();
        assertThat(transactions.<Boolean>execute(tx -> service.acknowledge(key, "maint"))).isFalse();
        clock.advance(Duration.ofHours(1));
        service.escalateDue();
        assertThat(phones(key)).containsExactly(first, second);
        assertThat(audit.byAction("SMS_ALERT_ACK")).anySatisfy(e -> assertThat(e.getTarget()).isEqualTo("alert " + key));
    }

    @Test
    void an_unacknowledged_alert_reaches_the_last_contact_and_stops_there() {
        long buildingId = newBuilding();
        String first = NotifyFixtures.phone();
        String second = NotifyFixtures.phone();
        archive.replaceContacts(buildingId, List.of(new Contact(buildingId, 0, "Wang", first, "zh-CN"),
                new Contact(buildingId, 1, "Li", second, "zh-CN")));
        TestClock clock = new TestClock(Instant.now().plusSeconds(1));
        NotificationService service = service(clock);
        String key = NotifyFixtures.key("alarm");

        service.alertBuilding(buildingId, "sms.alert.generic", ALARM, key, false);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(15));
            service.escalateDue();
        }
        assertThat(phones(key)).containsExactly(first, second);
        assertThat(alerts.state(key)).contains(Alerts.EXHAUSTED);
    }

    private List<String> phones(String alertKey) {
        return notifications.alertMessages(alertKey).stream().map(NotificationView::phone).toList();
    }

    private long queue(long meterId) {
        return notifications.toHousehold(meterId, "sms.recharge.confirmed", RECHARGE, NotifyFixtures.key("q")).getFirst();
    }

    private NotificationState state(long id) {
        return outbox.find(id).orElseThrow().state();
    }

    private OutboxDispatcher dispatcher(SmsProperties properties, Clock clock) {
        return new OutboxDispatcher(outbox, properties, transactions, clock);
    }

    private NotificationService service(Clock clock) {
        return new NotificationService(outbox, alerts, archive, templates, NotifyFixtures.properties(), audit, clock);
    }

    private long newBuilding() {
        LoginSupport.loginAs(users, "super");
        try {
            String code = "N" + NotifyFixtures.phone().substring(3);
            return structure.createBuilding(code, "Notify " + code, null).id();
        } finally {
            LoginSupport.logout();
        }
    }
}
