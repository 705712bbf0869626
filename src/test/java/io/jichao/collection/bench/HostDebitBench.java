package io.jichao.collection.bench;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.JichaoApplication;
import io.jichao.collection.ReadingItem;
import io.jichao.collection.control.HostPrepaidControl;
import io.jichao.prepaid.HostDebitOutcome;
import io.jichao.prepaid.PeriodKind;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.TouPeriod;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.LoginSupport;

/**
 * Host-side prepaid (issue 14 item 2): debiting one full cycle of 25,600 HOST_PREPAID meters from
 * their stored readings, through the same call the engine's worker makes after the writer stored
 * a cycle ({@link HostPrepaidControl#debit}): which meters are host-side, how far each was
 * debited, their readings since, the tariff (time-of-use), the locked {@code host_debit} rows,
 * the HOST_DEBIT ledger entries, the balances and the relay decision.
 *
 * <p>Set-up (not timed): 25,600 meters with households, a time-of-use group, the full cycle item set
 * stored in {@code reading} for two cycles (11 rows per meter and cycle, as the cycle job stores
 * them), a first untimed pass that starts every meter's debiting and opens the accounts, then
 * 1,000 yuan per account. Timed: the pass over the second cycle. Database load: the server's
 * {@code Questions} and {@code Com_*} counters around it. Target: under 10 % of the cycle's own
 * time at 2400 bps (101.76 s, docs/benchmarks.md "realistic timing cycle"), i.e. 10.18 s. Exits 1
 * when the target is missed or any meter was not debited exactly once.
 *
 * <p>Boots the application on its own embedded MariaDB in target/bench-db. Not a test: run by hand.
 * Argument (optional): meters (default 25,600).
 */
public final class HostDebitBench {

    private static final double CYCLE_SECONDS = 101.76;
    private static final double TARGET_SECONDS = CYCLE_SECONDS * 0.10;
    private static final List<ReadingItem> CYCLE_ITEMS = List.of(ReadingItem.ACTIVE_ENERGY, ReadingItem.REVERSE_ENERGY,
            ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_B, ReadingItem.VOLTAGE_C, ReadingItem.CURRENT_A,
            ReadingItem.CURRENT_B, ReadingItem.CURRENT_C, ReadingItem.ACTIVE_POWER, ReadingItem.POWER_FACTOR,
            ReadingItem.METER_TIME);

    private HostDebitBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 25_600;
        int exit;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JichaoApplication.class)
                .profiles("test")
                .run("--jichao.embedded-db.data-dir=target/bench-db/" + System.nanoTime(),
                        "--jichao.simulator.enabled=false", "--server.port=0", "--logging.level.root=warn")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            HostPrepaidControl control = context.getBean(HostPrepaidControl.class);
            Clock clock = context.getBean(Clock.class);
            System.out.printf(Locale.ROOT, "%s; %,d host-side prepaid meters; target %.2f s (10 %% of %.2f s)%n",
                    BenchTopology.machine(), count, TARGET_SECONDS, CYCLE_SECONDS);
            System.out.println("load average at start: " + BenchTopology.loadAverage());

            List<Long> meters = createMeters(jdbc, count);
            touGroup(context, jdbc, clock);
            Instant now = clock.instant();
            storeCycle(jdbc, meters, now.minus(Duration.ofMinutes(2)), BigDecimal.ZERO);
            List<HostDebitOutcome> started = control.debit(meters);
            List<Long> accounts = jdbc.queryForList("select a.id from prepaid_account a join household h "
                    + "on h.id = a.household_id where h.room like 'HB-%'", Long.class);
            jdbc.batchUpdate("insert into ledger_entry (account_id, kind, amount, kwh, operator_username, occurred_at, "
                    + "memo) values (?, 'ADJUSTMENT', 1000.00, 0, 'bench', ?, 'bench credit')",
                    accounts.stream().map(id -> new Object[] {id, Timestamp.from(now)}).toList());
            storeCycle(jdbc, meters, now.minus(Duration.ofMinutes(1)), new BigDecimal("0.37"));
            System.out.printf(Locale.ROOT, "set-up: %,d meters started debiting; readings stored: %,d rows%n",
                    started.size(), jdbc.queryForObject("select count(*) from reading", Long.class));

            Map<String, Long> before = counters(jdbc);
            long start = System.nanoTime();
            List<HostDebitOutcome> outcomes = control.debit(meters);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> after = counters(jdbc);

            long debited = outcomes.stream().filter(o -> o.debited().isPositive()).count();
            long entries = jdbc.queryForObject("select count(*) from ledger_entry where kind = 'HOST_DEBIT'", Long.class);
            System.out.printf(Locale.ROOT, "debit pass: %.2f s for %,d meters (%.3f ms per meter); %,d outcomes, %,d "
                            + "debited, %,d HOST_DEBIT ledger entries%n", seconds, meters.size(),
                    seconds * 1000 / meters.size(), outcomes.size(), debited, entries);
            System.out.printf(Locale.ROOT, "database: %,d statements (Questions; JDBC batches count each row), "
                            + "select %,d, insert %,d, update %,d, commits %,d%n",
                    delta(before, after, "Questions"), delta(before, after, "Com_select"),
                    delta(before, after, "Com_insert"), delta(before, after, "Com_update"),
                    delta(before, after, "Com_commit"));
            boolean complete = outcomes.size() == meters.size() && debited == meters.size() && entries == meters.size();
            boolean met = seconds < TARGET_SECONDS;
            System.out.printf(Locale.ROOT, "ratio to target: %.2f (%s); complete: %s%n", seconds / TARGET_SECONDS,
                    met ? "met" : "MISSED", complete ? "yes" : "NO");
            System.out.println("load average at end: " + BenchTopology.loadAverage());
            exit = met && complete ? 0 : 1;
        }
        System.exit(exit);
    }

    private static List<Long> createMeters(JdbcTemplate jdbc, int count) {
        long building = jdbc.queryForObject("select min(id) from building", Long.class);
        List<Object[]> households = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            households.add(new Object[] {building, "HB-" + i, "Bench " + i});
        }
        jdbc.batchUpdate("insert into household (building_id, room, name) values (?, ?, ?)", households);
        jdbc.update("""
                insert into meter (address, protocol, phase, building_id, household_id, ct_ratio, pt_ratio, billing_mode,
                    state) select lpad(900000000000 + h.id, 12, '0'), 'DLT645_2007', 'THREE', h.building_id, h.id, 1, 1,
                    'HOST_PREPAID', 'ACTIVE' from household h where h.room like 'HB-%'""");
        return jdbc.queryForList("select m.id from meter m join household h on h.id = m.household_id "
                + "where h.room like 'HB-%' order by m.id", Long.class);
    }

    /** Peak 08:00-22:00 at 1.00, valley at 0.30, every bench meter in the group. */
    private static void touGroup(ConfigurableApplicationContext context, JdbcTemplate jdbc, Clock clock) {
        TariffService tariffs = context.getBean(TariffService.class);
        LoginSupport.loginAs(context.getBean(UserDetailsService.class), "finance");
        long group = tariffs.createGroup("host-bench-" + System.nanoTime());
        tariffs.addVersion(group, LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)),
                new TariffPlan.TimeOfUse(List.of(
                        new TouPeriod(PeriodKind.PEAK, LocalTime.of(8, 0), LocalTime.of(22, 0), PricePerKwh.of("1.0000")),
                        new TouPeriod(PeriodKind.VALLEY, LocalTime.of(22, 0), LocalTime.of(8, 0), PricePerKwh.of("0.3000"))),
                        PricePerKwh.of("0.6000")));
        LoginSupport.logout();
        jdbc.update("insert into tariff_group_meter (meter_id, group_id) select m.id, ? from meter m "
                + "join household h on h.id = m.household_id where h.room like 'HB-%'", group);
    }

    /** One cycle's rows per meter, as the cycle job stores them; the energy register moves by {@code step}. */
    private static void storeCycle(JdbcTemplate jdbc, List<Long> meters, Instant at, BigDecimal step) {
        List<Object[]> rows = new ArrayList<>();
        Timestamp readAt = Timestamp.from(at);
        for (long meter : meters) {
            for (ReadingItem item : CYCLE_ITEMS) {
                BigDecimal value = item == ReadingItem.ACTIVE_ENERGY
                        ? new BigDecimal("1000.00").add(BigDecimal.valueOf(meter % 97)).add(step) : BigDecimal.ONE;
                rows.add(new Object[] {meter, item.name(), value, readAt});
            }
            if (rows.size() >= 10_000) {
                insert(jdbc, rows);
            }
        }
        insert(jdbc, rows);
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("insert into reading (meter_id, item, value, read_at, source) values (?, ?, ?, ?, 'CYCLE')",
                rows);
        rows.clear();
    }

    private static Map<String, Long> counters(JdbcTemplate jdbc) {
        Map<String, Long> values = new java.util.HashMap<>();
        jdbc.query("show global status where Variable_name in ('Questions', 'Com_select', 'Com_insert', "
                + "'Com_update', 'Com_commit')",
                rs -> { values.put(rs.getString(1), rs.getLong(2)); });
        return values;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String name) {
        return after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
    }
}
