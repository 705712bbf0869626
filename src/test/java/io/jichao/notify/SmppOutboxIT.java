package io.jichao.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.testing.JichaoSpringTest;

/** The outbox against a real SMPP 3.4 server on loopback, started and stopped by the test. */
@JichaoSpringTest
class SmppOutboxIT {

    private static final Map<String, String> VALUES = Map.of("amount", "50.00", "kwh", "62.50", "remaining", "80.25");

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
    void an_sms_is_retried_with_back_off_while_the_smsc_is_down_then_delivered_once() throws Exception {
        String phone = NotifyFixtures.phone();
        long meterId = fixtures.meterWithPhones("A", List.of(phone));
        String key = NotifyFixtures.key("smpp");
        long id = notifications.toHousehold(meterId, "sms.recharge.confirmed", VALUES, key).getFirst();

        TestSmsc smsc = TestSmsc.start();
        smsc.close();
        SmsProperties properties = withSmscPort(smsc.port());
        TestClock clock = new TestClock(Instant.now().plusSeconds(1));
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, properties, transactions, clock);
        try (SmppSmsSender sender = new SmppSmsSender(properties.smpp(), receipts)) {
            dispatcher.dispatch(sender);
            NotificationView down = message(id);
            assertThat(down.state()).isEqualTo(NotificationState.QUEUED);
            assertThat(down.attempts()).isEqualTo(1);
            assertThat(down.lastError()).contains("bind");
            assertThat(down.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(10)));

            dispatcher.dispatch(sender);
            assertThat(message(id).attempts()).as("not due before its back-off").isEqualTo(1);

            clock.advance(Duration.ofSeconds(10));
            dispatcher.dispatch(sender);
            assertThat(message(id).attempts()).isEqualTo(2);
            assertThat(message(id).nextAttemptAt()).as("back-off doubled").isEqualTo(clock.instant().plus(Duration.ofSeconds(20)));

            try (TestSmsc up = TestSmsc.restart(smsc)) {
                clock.advance(Duration.ofSeconds(20));
                dispatcher.dispatch(sender);
                NotificationView sent = message(id);
                assertThat(sent.attempts()).isEqualTo(3);
                assertThat(sent.state()).isIn(NotificationState.SENT, NotificationState.DELIVERED);
                assertThat(sent.messageId()).isNotBlank();

                NotificationView delivered = awaitState(id, NotificationState.DELIVERED);
                assertThat(delivered.receipt()).startsWith("DELIVRD").contains("id:" + sent.messageId());
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_receipt WHERE message_id = ?",
                        Integer.class, sent.messageId())).isEqualTo(1);

                clock.advance(Duration.ofHours(2));
                dispatcher.dispatch(sender);
                assertThat(up.submittedTo(phone)).as("submit_sm seen by the server").hasSize(1)
                        .first().satisfies(s -> {
                            assertThat(s.messageId()).isEqualTo(sent.messageId());
                            assertThat(s.text()).isEqualTo("【集抄】充值成功：50.00元，62.50度。电表剩余电量：80.25度。");
                        });
                assertThat(message(id).state()).isEqualTo(NotificationState.DELIVERED);
            }
        }
    }

    @Test
    void two_dispatchers_at_once_never_send_a_message_twice() throws Exception {
        String phone = NotifyFixtures.phone();
        long meterId = fixtures.meterWithPhones("A", List.of(phone));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.addAll(notifications.toHousehold(meterId, "sms.recharge.confirmed", VALUES, NotifyFixtures.key("race")));
        }
        try (TestSmsc smsc = TestSmsc.start()) {
            SmsProperties properties = withSmscPort(smsc.port());
            TestClock clock = new TestClock(Instant.now().plusSeconds(1));
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> rounds = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, small(properties), transactions, clock);
                rounds.add(() -> {
                    int handed = 0;
                    try (SmppSmsSender sender = new SmppSmsSender(properties.smpp(), receipts)) {
                        start.await();
                        for (int round = 0; round < 20; round++) {
                            handed += dispatcher.dispatch(sender);
                        }
                    }
                    return handed;
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> results = rounds.stream().map(pool::submit).toList();
            start.countDown();
            int handed = 0;
            for (Future<Integer> result : results) {
                handed += result.get();
            }
            pool.shutdown();

            assertThat(smsc.submittedTo(phone)).hasSize(30);
            assertThat(smsc.submittedTo(phone)).extracting(TestSmsc.Submitted::messageId).doesNotHaveDuplicates();
            assertThat(handed).isGreaterThanOrEqualTo(30);
            for (long id : ids) {
                assertThat(message(id).state()).isIn(NotificationState.SENT, NotificationState.DELIVERED);
                assertThat(message(id).attempts()).isEqualTo(1);
            }
        }
    }

    @Test
    void a_lost_submit_sm_resp_fails_the_message_instead_of_sending_it_twice() throws Exception {
        String phone = NotifyFixtures.phone();
        long meterId = fixtures.meterWithPhones("A", List.of(phone));
        long id = notifications.toHousehold(meterId, "sms.recharge.confirmed", VALUES, NotifyFixtures.key("lost")).getFirst();
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.delayAnswers(Duration.ofSeconds(5));
            SmsProperties properties = withSmscPort(smsc.port());
            TestClock clock = new TestClock(Instant.now().plusSeconds(1));
            OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, properties, transactions, clock);
            try (SmppSmsSender sender = new SmppSmsSender(properties.smpp(), receipts)) {
                dispatcher.dispatch(sender);
                smsc.delayAnswers(Duration.ZERO);
                clock.advance(Duration.ofHours(1));
                dispatcher.dispatch(sender);
            }
            NotificationView failed = message(id);
            assertThat(failed.state()).isEqualTo(NotificationState.FAILED);
            assertThat(failed.lastError()).contains("outcome unknown");
            assertThat(smsc.submittedTo(phone)).hasSize(1);
        }
    }

    /** Batches of 4, so the two dispatchers really interleave their claims. */
    private static SmsProperties small(SmsProperties p) {
        return new SmsProperties(p.sender(), p.defaultLanguage(), p.maxAttempts(), p.retryMin(), p.retryMax(),
                p.perNumberPerHour(), p.dedupWindow(), p.quietStart(), p.quietEnd(), p.quietZone(), p.escalationDelay(),
                4, p.sendingTimeout(), p.smpp(), p.http());
    }

    private static SmsProperties withSmscPort(int port) {
        SmsProperties p = NotifyFixtures.properties();
        return new SmsProperties(p.sender(), p.defaultLanguage(), p.maxAttempts(), p.retryMin(), p.retryMax(),
                p.perNumberPerHour(), p.dedupWindow(), p.quietStart(), p.quietEnd(), p.quietZone(), p.escalationDelay(),
                p.batchSize(), p.sendingTimeout(), new SmsProperties.Smpp("127.0.0.1", port, "jichao", "secret", "", "10690000",
                        Duration.ofSeconds(3)), p.http());
    }

    private NotificationView message(long id) {
        return outbox.find(id).orElseThrow();
    }

    private NotificationView awaitState(long id, NotificationState state) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            NotificationView now = message(id);
            if (now.state() == state) {
                return now;
            }
            Thread.sleep(50);
        }
        return message(id);
    }
}
