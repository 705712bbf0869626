package io.jichao.collection.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.CollectionProperties;
import io.jichao.collection.ControlBench;
import io.jichao.collection.MeterReadResult;
import io.jichao.collection.ReadingItem;
import io.jichao.collection.ReadingSource;
import io.jichao.collection.ReadingWriter;
import io.jichao.collection.RechargeDeliveryFixtures.ArchivedMeter;
import io.jichao.collection.RelayReadBack;
import io.jichao.collection.StoredReading;
import io.jichao.collection.link.Priority;
import io.jichao.prepaid.AccountService;
import io.jichao.prepaid.HostBalanceChanged;
import io.jichao.prepaid.EmergencyCreditService;
import io.jichao.prepaid.HostDebitService;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.PeriodKind;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.RechargeState;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.TouPeriod;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;
import io.jichao.simulator.RelayState;
import io.jichao.simulator.SimulationClock;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Host-side prepaid end to end: a plain DL/T 645-2007 meter (no credit of its own) in the simulator
 * over TCP, its readings stored by a {@link ReadingWriter} on MariaDB, debited at a time-of-use
 * tariff, tripped at zero in friendly time and closed after a recharge, each with read-back and
 * audit. Manual clock for meter and engine; CT 2, so every kWh on the register is billed twice.
 */
@JichaoSpringTest
@RecordApplicationEvents
class HostPrepaidIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = String.valueOf(Math.floorMod(UUID.randomUUID().hashCode(), 90_000) + 10_000);

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private AccountService accounts;
    @Autowired
    private HostDebitService debits;
    @Autowired
    private EmergencyCreditService emergency;
    @Autowired
    private FriendlyHoursService friendlyHours;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private ApplicationEvents events;

    private ArchivedMeter meter;
    private String phone;
    private LocalDate tuesday;
    private SimulationClock.Manual simulated;
    private ControlBench bench;
    private ControlTestSupport control;
    private ReadingWriter writer;
    private HostPrepaidControl host;

    @BeforeEach
    void start() {
        phone = "139" + RUN + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        meter = hostMeter(MeterProtocol.DLT645_2007);
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
        tuesday = today.with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        LoginSupport.loginAs(users, "finance");
        long group = tariffs.createGroup("host-tou-" + RUN + "-" + SEQUENCE.incrementAndGet());
        tariffs.addVersion(group, today, new TariffPlan.TimeOfUse(List.of(
                new TouPeriod(PeriodKind.PEAK, LocalTime.of(8, 0), LocalTime.of(22, 0), PricePerKwh.of("1.0000")),
                new TouPeriod(PeriodKind.VALLEY, LocalTime.of(22, 0), LocalTime.of(8, 0), PricePerKwh.of("0.3000"))),
                PricePerKwh.of("0.6000")));
        tariffs.assignMeter(group, meter.id());
        LoginSupport.loginAs(users, "super");
        friendlyHours.save(new FriendlyHours(FriendlyHours.parseWindows("08:00-17:00"), false, Set.of()));
        LoginSupport.logout();
        simulated = SimulationClock.manual(tuesday.atTime(21, 30).atZone(TimeConfiguration.DISPLAY_ZONE).toInstant());
        // A plain meter: it counts energy (500 kWh, a steady 1 kW) and obeys relay commands, but keeps no credit.
        bench = ControlBench.start(List.of(meter), simulated, config -> config.withRemainingKwh(null));
        control = new ControlTestSupport(bench.engine(), jdbc, audit, transactions, bench.clock());
        writer = new ReadingWriter(jdbc, new TransactionTemplate(transactions),
                new CollectionProperties.Writer(1000, 100, Duration.ofMillis(100), Duration.ofSeconds(1)));
        host = new HostPrepaidControl(new HostReadings(namedJdbc), debits, new GentleCutoffStore(jdbc),
                new GentleCutoffPolicy(bench.clock(), TimeConfiguration.DISPLAY_ZONE), control.path);
        writer.onStored(host::storedReadings);
    }

    @AfterEach
    void stop() throws Exception {
        writer.close();
        host.close();
        bench.close();
    }

    @Test
    void a_host_side_meter_is_debited_at_time_of_use_prices_tripped_at_zero_in_friendly_time_and_closed_by_a_recharge()
            throws Exception {
        RechargeOrderView first = recharge("2.00");
        assertThat(first.state()).as("nothing to send to the meter").isEqualTo(RechargeState.CONFIRMED);
        assertThat(first.kwh()).isEqualTo(Kwh.ZERO);
        assertThat(balance()).isEqualTo(Money.of("2.00"));

        readAndStore();
        assertThat(balance()).as("the first reading only starts the debiting").isEqualTo(Money.of("2.00"));

        simulated.advance(Duration.ofHours(1));
        StoredReading at2230 = readAndStore();
        // 22:30: 1 kWh on the register × CT 2, half before 22:00 (peak 1.00), half after (valley 0.30).
        assertThat(balance()).isEqualTo(Money.of("0.70"));

        writer.submit(List.of(at2230));
        writer.flush();
        host.drain(30);
        assertThat(balance()).as("the same reading delivered again debits nothing").isEqualTo(Money.of("0.70"));
        assertThat(hostDebits()).isEqualTo(1);

        simulated.advance(Duration.ofHours(2));
        readAndStore();
        // 00:30: 2 kWh × 2 in the valley = 1.20; below zero at night: the relay stays closed.
        assertThat(balance()).isEqualTo(Money.of("-0.50"));
        assertThat(bench.meter(meter).relayState()).isEqualTo(RelayState.CLOSED);
        assertThat(control.readBacks).isEmpty();
        // The reminders: level 1 and 2 (defaults 20 / 10 yuan) were passed at 0.70, zero now; the household is texted.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select kind from alarm where meter_id = ? and active_key is not null", String.class, meter.id()))
                .containsExactly("ZERO_BALANCE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select template_key from notification where phone = ? order by id", String.class, phone))
                .contains("sms.alarm.household.LOW_BALANCE_2", "sms.alarm.household.ZERO_BALANCE"));

        simulated.advance(Duration.ofHours(8));
        readAndStore();
        // 08:30: 00:30-08:00 15 kWh valley = 4.50, 08:00-08:30 1 kWh peak = 1.00; friendly time: trip.
        assertThat(balance()).isEqualTo(Money.of("-6.00"));
        assertThat(bench.meter(meter).relayState()).isEqualTo(RelayState.OPEN_BY_COMMAND);
        assertThat(control.readBacks).singleElement().satisfies(readBack -> {
            assertThat(readBack.command()).isEqualTo("TRIP");
            assertThat(readBack.reason()).isEqualTo("HOST_PREPAID");
            assertThat(readBack.matches()).isTrue();
        });
        assertThat(audit.byAction("RELAY_TRIP")).anySatisfy(event -> {
            assertThat(event.getTarget()).isEqualTo(meter.address());
            assertThat(event.getOperatorUsername()).isEqualTo("engine");
        });

        recharge("10.00");
        assertThat(balance()).isEqualTo(Money.of("4.00"));
        HostBalanceChanged recharged = events.stream(HostBalanceChanged.class)
                .filter(changed -> changed.meterId() == meter.id()
                        && changed.cause() == HostBalanceChanged.Cause.RECHARGE).toList().getLast();
        // The application's listener acts on the application's engine (off in tests): hand it to this one's.
        host.onBalanceChanged(recharged);
        host.drain(30);

        assertThat(bench.meter(meter).relayState()).isEqualTo(RelayState.CLOSED);
        assertThat(control.readBacks).extracting(RelayReadBack::command).containsExactly("TRIP", "CLOSE");
        assertThat(control.readBacks.getLast().matches()).isTrue();
        assertThat(new RelayCommandStore(jdbc).recent(meter.id(), 2)).extracting(RelayCommandRecord::command)
                .containsExactly(RelayCommand.CLOSE, RelayCommand.TRIP);
        assertThat(audit.byAction("RELAY_CLOSE")).anySatisfy(event ->
                assertThat(event.getTarget()).isEqualTo(meter.address()));
        assertThat(debits.state(meter.id()).orElseThrow().relayOpen()).isFalse();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select kind from alarm where meter_id = ? and active_key is not null", String.class, meter.id()))
                .as("4.00 yuan is below level 2").containsExactly("LOW_BALANCE_2"));
    }

    @Test
    void a_meter_without_a_relay_command_cannot_be_host_side_prepaid() {
        assertThatThrownBy(() -> hostMeter(MeterProtocol.DLT645_1997)).isInstanceOf(DomainException.class)
                .hasMessageContaining("error.meter.host.prepaid.relay");
    }

    @Test
    void a_host_side_recharge_is_sold_in_money_only_and_there_is_no_emergency_credit() {
        LoginSupport.loginAs(users, "clerk");
        try {
            assertThatThrownBy(() -> recharges.placeOrder(new RechargeRequest(meter.id(),
                    RechargeAmount.of(Kwh.of("5")), Payment.cash(), UUID.randomUUID().toString())))
                    .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.host.money");
            assertThatThrownBy(() -> emergency.take(meter.id(), UUID.randomUUID().toString()))
                    .isInstanceOf(DomainException.class).hasMessageContaining("error.emergency.host");
        } finally {
            LoginSupport.logout();
        }
    }

    /** Reads the meter's register over TCP, stores it like a cycle and waits for its debit. */
    private StoredReading readAndStore() throws Exception {
        MeterReadResult result = bench.engine().read(meter.id(), Set.of(ReadingItem.ACTIVE_ENERGY), Priority.OPERATOR)
                .orElseThrow();
        StoredReading stored = result.values().stream().filter(v -> v.item() == ReadingItem.ACTIVE_ENERGY)
                .map(v -> new StoredReading(meter.id(), v.item(), v.value(), v.meterTime(), result.readAt(),
                        ReadingSource.CYCLE)).findFirst().orElseThrow();
        writer.submit(List.of(stored));
        assertThat(writer.flush()).isTrue();
        host.drain(30);
        return stored;
    }

    private RechargeOrderView recharge(String yuan) {
        LoginSupport.loginAs(users, "clerk");
        try {
            return recharges.placeOrder(new RechargeRequest(meter.id(), RechargeAmount.of(Money.of(yuan)),
                    Payment.cash(), UUID.randomUUID().toString()));
        } finally {
            LoginSupport.logout();
        }
    }

    private Money balance() {
        LoginSupport.loginAs(users, "clerk");
        try {
            return accounts.balanceOfMeter(meter.id()).money();
        } finally {
            LoginSupport.logout();
        }
    }

    private int hostDebits() {
        return jdbc.queryForObject("""
                select count(*) from ledger_entry e join prepaid_account a on a.id = e.account_id
                join meter m on m.household_id = a.household_id where m.id = ? and e.kind = 'HOST_DEBIT'""",
                Integer.class, meter.id());
    }

    private ArchivedMeter hostMeter(MeterProtocol protocol) {
        LoginSupport.loginAs(users, "super");
        try {
            long buildingId = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst()
                    .orElseThrow().id();
            int n = SEQUENCE.incrementAndGet();
            String address = "79" + RUN + String.format("%05d", n);
            long id = meters.create(new MeterDraft(address, null, protocol, Phase.SINGLE, BillingMode.HOST_PREPAID,
                    buildingId, null, null, null, 2, 1, new BigDecimal("10"), null, null, "H" + RUN + "-" + n,
                    "Host test " + n, List.of(phone)));
            return new ArchivedMeter(id, address);
        } finally {
            LoginSupport.logout();
        }
    }
}
