package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.prepaid.HandheldKeys.SiteKey;
import io.jichao.prepaid.HandheldTaskService.ImportSummary;
import io.jichao.prepaid.HandheldTaskService.TaskFile;
import io.jichao.notify.NotificationService;
import io.jichao.notify.NotifyFixtures;
import io.jichao.shared.DomainException;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

@JichaoSpringTest
class HandheldTaskServiceIT {

    @Autowired
    private HandheldTaskService handheld;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private RechargeProgress progress;
    @Autowired
    private AccountService accounts;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private HandheldKeys keys;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private NotificationService notifications;

    private PrepaidFixtures fixtures;
    private long meterA;
    private long meterB;
    private long meterC;

    @BeforeEach
    void prepaidMetersInTwoDistricts() {
        fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        meterA = fixtures.meter("A", BillingMode.PREPAID);
        meterB = fixtures.meter("B", BillingMode.PREPAID);
        meterC = fixtures.meter("C", BillingMode.PREPAID);
        fixtures.flatGroup("0.5000", meterA, meterB, meterC);
        LoginSupport.loginAs(users, "clerk");
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void export_lists_only_the_district_waiting_orders_and_reserves_them() {
        long inA = order(meterA, "50.00");
        long inB = order(meterB, "10.00");
        LoginSupport.loginAs(users, "clerk2");
        long inC = order(meterC, "20.00");
        LoginSupport.loginAs(users, "clerk");

        assertThat(handheld.waitingOrders()).extracting(HandheldTaskService.WaitingOrder::orderId)
                .contains(inA, inB).doesNotContain(inC);
        TaskFile file = handheld.export(List.of());

        HandheldFile task = readTask(file);
        List<Long> exported = task.rows().stream().map(row -> Long.parseLong(row.getFirst())).toList();
        assertThat(exported).contains(inA, inB).doesNotContain(inC);
        assertThat(task.rows()).filteredOn(row -> row.getFirst().equals(String.valueOf(inA))).singleElement()
                .satisfies(row -> {
                    assertThat(row.get(1)).isEqualTo(meters.get(meterA).draft().address());
                    assertThat(row.get(3)).isEqualTo("DLT645_2007");
                    assertThat(row.get(4)).isEqualTo("100.00");
                    assertThat(row.get(5)).isEqualTo(recharges.ordersOf(meterA).getFirst().idempotencyKey());
                });
        assertThat(handheld.waitingOrders()).extracting(HandheldTaskService.WaitingOrder::orderId)
                .doesNotContainAnyElementsOf(exported);
        assertThat(progress.awaitingDelivery(100_000)).extracting(RechargeInstruction::orderId)
                .doesNotContainAnyElementsOf(exported).contains(inC);
        assertThat(handheld.tasks()).anySatisfy(listed -> {
            assertThat(listed.id()).isEqualTo(file.taskId());
            assertThat(listed.open()).isTrue();
        });
        assertThat(audit.byAction("HANDHELD_EXPORT")).anySatisfy(event ->
                assertThat(event.getTarget()).isEqualTo("task " + file.taskId()));

        // Give every order of this export back, so other tests find the district's orders as before.
        handheld.importResults(result(file, row -> failed(row, "test cleanup")));
    }

    @Test
    void a_reserved_order_can_be_neither_sent_by_the_engine_nor_cancelled() {
        long orderId = order(meterA, "50.00");
        TaskFile file = handheld.export(List.of(orderId));

        assertThatThrownBy(() -> progress.markSent(orderId)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.recharge.handheld.reserved");
        assertThatThrownBy(() -> recharges.cancel(orderId)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.recharge.handheld.reserved");
        assertThatThrownBy(() -> handheld.export(List.of(orderId))).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.handheld.order.not.waiting");
        assertThat(state(meterA, orderId)).isEqualTo(RechargeState.CREATED);
        handheld.importResults(result(file, row -> failed(row, "cleanup")));
    }

    @Test
    void an_order_outside_the_district_cannot_be_exported() {
        LoginSupport.loginAs(users, "clerk2");
        long inC = order(meterC, "20.00");
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> handheld.export(List.of(inC))).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.recharge.not.found");
        LoginSupport.loginAs(users, "finance");
        assertThatThrownBy(() -> handheld.export(List.of(inC))).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.permission.denied");
    }

    @Test
    void a_good_result_file_confirms_the_done_orders_exactly_once_and_gives_the_failed_back_to_the_engine() {
        long done = order(meterA, "50.00");
        long failed = order(meterB, "10.00");
        var ledgerBefore = accounts.ledgerOfMeter(meterA);
        TaskFile file = handheld.export(List.of(done, failed));
        byte[] result = resultBytes(file, row -> row.getFirst().equals(String.valueOf(done))
                ? doneRow(row, "7", "8", "12.50", "112.50") : failed(row, "no optical answer"));

        ImportSummary summary = handheld.importResults(new ByteArrayInputStream(result));

        assertThat(summary).isEqualTo(new ImportSummary(file.taskId(), 1, 1));
        assertThat(state(meterA, done)).isEqualTo(RechargeState.CONFIRMED);
        RechargeOrderView back = recharges.ordersOf(meterB).getFirst();
        assertThat(back.state()).isEqualTo(RechargeState.CREATED);
        assertThat(back.lastFailure()).isEqualTo("handheld: no optical answer");
        assertThat(progress.awaitingDelivery(100_000)).extracting(RechargeInstruction::orderId)
                .contains(failed).doesNotContain(done);
        assertThat(audit.byAction("HANDHELD_CONFIRM")).filteredOn(e -> e.getDetails().startsWith("order " + done + " "))
                .singleElement().satisfies(e -> assertThat(e.getDetails())
                        .contains("purchase count 7 -> 8, remaining 12.50 -> 112.50 kWh for 100.00 kWh ordered"));
        assertThat(handheld.tasks()).filteredOn(t -> t.id().equals(file.taskId())).singleElement()
                .satisfies(t -> {
                    assertThat(t.open()).isFalse();
                    assertThat(t.confirmed()).isEqualTo(1);
                    assertThat(t.failed()).isEqualTo(1);
                });

        assertThatThrownBy(() -> handheld.importResults(new ByteArrayInputStream(result)))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.handheld.already.imported");
        assertThat(audit.byAction("HANDHELD_CONFIRM")).filteredOn(e -> e.getDetails().startsWith("order " + done + " "))
                .hasSize(1);
        assertThat(accounts.ledgerOfMeter(meterA)).isEqualTo(ledgerBefore);
        assertThat(accounts.balanceOfMeter(meterA).money()).isEqualTo(Money.of("50.00"));
        assertThat(state(meterA, done)).isEqualTo(RechargeState.CONFIRMED);
        assertThat(state(meterB, failed)).isEqualTo(RechargeState.CREATED);
    }

    @Test
    void a_handheld_confirmation_texts_the_household_the_remaining_energy_the_handheld_read() {
        String phone = NotifyFixtures.phone();
        long meter = new NotifyFixtures(meters, structure, users).meterWithPhones("A", List.of(phone));
        fixtures.flatGroup("0.5000", meter);
        LoginSupport.loginAs(users, "clerk");
        long done = order(meter, "20.00");
        TaskFile file = handheld.export(List.of(done));

        handheld.importResults(result(file, row -> doneRow(row, "2", "3", "5.00", "45.00")));

        assertThat(notifications.messages(RechargeSms.dedupKey(done))).singleElement().satisfies(text -> {
            assertThat(text.phone()).isEqualTo(phone);
            assertThat(text.body()).isEqualTo("【集抄】充值成功：20.00元，40.00度。电表剩余电量：45.00度。");
        });
    }

    @Test
    void tampered_partial_foreign_and_inconsistent_result_files_are_refused_and_change_nothing() {
        long first = order(meterA, "50.00");
        long second = order(meterB, "10.00");
        TaskFile file = handheld.export(List.of(first, second));
        var ledgerA = accounts.ledgerOfMeter(meterA);
        var ledgerB = accounts.ledgerOfMeter(meterB);
        String good = new String(resultBytes(file, row -> doneRow(row, "3", "4", "1.00", "101.00")), StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(good.split("\n"));
        SiteKey key = keys.current();

        Map<String, String> refusals = Map.of(
                "error.handheld.row.signature", good.replace("\t101.00\t", "\t901.00\t"),
                "error.handheld.row.count", String.join("\n", lines.get(0), lines.get(1), lines.get(3)) + "\n",
                "error.handheld.partial", String.join("\n", lines.subList(0, 3)) + "\n",
                "error.handheld.header.signature", new String(resultBytes(file, row -> doneRow(row, "3", "4", "1.00",
                        "101.00"), "other-site-secret".getBytes(StandardCharsets.UTF_8), key.siteId()), StandardCharsets.UTF_8),
                "error.handheld.foreign", new String(resultBytes(file, row -> doneRow(row, "3", "4", "1.00", "101.00"),
                        key.secret(), "another-site"), StandardCharsets.UTF_8),
                "error.handheld.result.count", new String(resultBytes(file, row -> doneRow(row, "4", "4", "1.00",
                        "101.00")), StandardCharsets.UTF_8),
                "error.handheld.result.missing", new String(signed(file.taskId(), List.of(
                        doneRow(readTask(file).rows().getFirst(), "3", "4", "1.00", "101.00")), key.secret(),
                        key.siteId()), StandardCharsets.UTF_8),
                "error.handheld.result.meter", new String(resultBytes(file, row -> {
                    List<String> changed = new ArrayList<>(doneRow(row, "3", "4", "1.00", "101.00"));
                    changed.set(1, "999999999999");
                    return changed;
                }), StandardCharsets.UTF_8),
                "error.handheld.task.unknown", new String(signed("00000000-0000-4000-8000-000000000000", List.of(),
                        key.secret(), key.siteId()), StandardCharsets.UTF_8));

        refusals.forEach((expected, content) -> {
            assertThatThrownBy(() -> handheld.importResults(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))))
                    .as(expected).isInstanceOf(DomainException.class).hasMessageStartingWith(expected);
            assertThat(state(meterA, first)).isEqualTo(RechargeState.CREATED);
            assertThat(state(meterB, second)).isEqualTo(RechargeState.CREATED);
            assertThat(accounts.ledgerOfMeter(meterA)).isEqualTo(ledgerA);
            assertThat(accounts.ledgerOfMeter(meterB)).isEqualTo(ledgerB);
            assertThat(progress.awaitingDelivery(100_000)).extracting(RechargeInstruction::orderId)
                    .doesNotContain(first, second);
        });
        assertThat(audit.byAction("HANDHELD_IMPORT")).anySatisfy(event ->
                assertThat(event.getDetails()).startsWith("error.handheld.row.signature"));

        // The task is still open: its genuine result file is accepted afterwards.
        assertThat(handheld.importResults(new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new ImportSummary(file.taskId(), 2, 0));
        assertThat(state(meterA, first)).isEqualTo(RechargeState.CONFIRMED);
    }

    private long order(long meterId, String yuan) {
        return recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of(yuan)),
                new Payment(PaymentMethod.CASH, null), PrepaidFixtures.key())).id();
    }

    private RechargeState state(long meterId, long orderId) {
        return recharges.ordersOf(meterId).stream().filter(o -> o.id() == orderId).findFirst().orElseThrow().state();
    }

    private HandheldFile readTask(TaskFile file) {
        SiteKey key = keys.current();
        return HandheldFile.read(new ByteArrayInputStream(file.content()), HandheldFile.Kind.TASK, key.siteId(),
                key.secret());
    }

    private ByteArrayInputStream result(TaskFile file, Function<List<String>, List<String>> outcome) {
        return new ByteArrayInputStream(resultBytes(file, outcome));
    }

    private byte[] resultBytes(TaskFile file, Function<List<String>, List<String>> outcome) {
        SiteKey key = keys.current();
        return resultBytes(file, outcome, key.secret(), key.siteId());
    }

    /** The handheld's answer to every row of the task file, signed like the unit does. */
    private byte[] resultBytes(TaskFile file, Function<List<String>, List<String>> outcome, byte[] secret,
                               String siteId) {
        return signed(file.taskId(), readTask(file).rows().stream().map(outcome).toList(), secret, siteId);
    }

    private static byte[] signed(String taskId, List<List<String>> rows, byte[] secret, String siteId) {
        return new HandheldFile(HandheldFile.Kind.RESULT, siteId, taskId, Instant.now(), "handheld-07", rows)
                .write(secret);
    }

    private static List<String> doneRow(List<String> taskRow, String countBefore, String countAfter,
                                        String remainingBefore, String remainingAfter) {
        return List.of(taskRow.get(0), taskRow.get(1), "DONE", countBefore, countAfter, remainingBefore,
                remainingAfter, Instant.now().toString(), "");
    }

    private static List<String> failed(List<String> taskRow, String error) {
        return List.of(taskRow.get(0), taskRow.get(1), "FAILED", "", "", "", "", Instant.now().toString(), error);
    }
}
