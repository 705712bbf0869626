package io.jichao.bench;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.JichaoApplication;
import io.jichao.security.OperatorService;
import io.jichao.security.Role;
import io.jichao.statement.BatchFormat;
import io.jichao.statement.BatchProgress;
import io.jichao.statement.StatementBatchService;
import io.jichao.testing.LoginSupport;

/**
 * Wall time of a district's statement batch with 5,000 households (issue 7: under 60 s on the
 * build machine). Not a test: run it by hand (see docs/benchmarks.md). Boots the application on its
 * own embedded MariaDB in target/bench-db, bulk-loads one building of 5,000 households, each with a
 * meter, 32 daily closings (the day before the month and every day of it) and four ledger entries,
 * then times {@link StatementBatchService} from start to the finished file, as a finance operator
 * whose district is that building: a ZIP of one PDF per household, and one merged PDF. Runs over a
 * second building of 200 households warm the JVM and compile the template first.
 */
public final class StatementBench {

    private static final int HOUSEHOLDS = 5_000;
    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    private StatementBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JichaoApplication.class)
                .profiles("test")
                .run("--jichao.embedded-db.data-dir=target/bench-db/" + System.nanoTime(),
                        "--jichao.simulator.enabled=false", "--server.port=0", "--logging.level.root=warn")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            long warmBuilding = load(jdbc, "BW", 200);
            long building = load(jdbc, "BS", HOUSEHOLDS);
            System.out.printf(Locale.ROOT, "loaded %,d households in %.1f s%n", HOUSEHOLDS + 200,
                    (System.nanoTime() - t0) / 1e9);
            OperatorService operators = context.getBean(OperatorService.class);
            UserDetailsService users = context.getBean(UserDetailsService.class);
            StatementBatchService batches = context.getBean(StatementBatchService.class);
            time(operators, users, batches, warmBuilding, "warm-up ZIP", BatchFormat.ZIP);
            time(operators, users, batches, warmBuilding, "warm-up PDF", BatchFormat.PDF);
            time(operators, users, batches, building, "measured ZIP (one PDF per household)", BatchFormat.ZIP);
            time(operators, users, batches, building, "measured merged PDF", BatchFormat.PDF);
        }
    }

    private static void time(OperatorService operators, UserDetailsService users, StatementBatchService batches,
                             long building, String label, BatchFormat format) throws InterruptedException {
        String username = "bench" + building;
        operators.provisionAtStartup(new OperatorService.OperatorDraft(username, "基准财务", Set.of(Role.FINANCE),
                false, Set.of(building), Set.of(), null), "Bench2026xx", false);
        LoginSupport.loginAs(users, username);
        long start = System.nanoTime();
        BatchProgress progress = batches.start(MONTH, Locale.SIMPLIFIED_CHINESE, format);
        while (!progress.finished()) {
            Thread.sleep(20);
            progress = batches.progress(progress.id());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %s %,d of %,d statements in %.1f s (%.1f ms each)%n", label,
                progress.state(), progress.done(), progress.total(), seconds, seconds * 1000 / Math.max(1, progress.done()));
        LoginSupport.logout();
    }

    /** A building with {@code count} households, one prepaid meter each, a month of daily closings and a ledger. */
    private static long load(JdbcTemplate jdbc, String code, int count) {
        long site = jdbc.queryForObject("select min(id) from site", Long.class);
        jdbc.update("insert into building (site_id, name, code) values (?, ?, ?)", site, "基准楼 " + code, code);
        long building = jdbc.queryForObject("select id from building where code = ?", Long.class, code);
        long firstHousehold = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from household", Long.class);
        List<Object[]> households = new ArrayList<>();
        List<Object[]> meters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long household = firstHousehold + i;
            households.add(new Object[] {household, building, code + "-" + (1000 + i), "住户" + code + i});
            meters.add(new Object[] {String.format("%s%010d", code.equals("BS") ? "61" : "62", i), "bench", building,
                    household});
        }
        jdbc.batchUpdate("insert into household (id, building_id, room, name) values (?, ?, ?, ?)", households);
        jdbc.batchUpdate("""
                insert into meter (address, household_search, protocol, phase, building_id, household_id,
                  billing_mode, state, ct_ratio, pt_ratio)
                values (?, ?, 'DLT645_2007', 'SINGLE', ?, ?, 'PREPAID', 'ACTIVE', 1, 1)""", meters);
        List<Long> meterIds = jdbc.queryForList("select id from meter where building_id = ? order by id", Long.class,
                building);
        List<Object[]> closings = new ArrayList<>();
        for (int i = 0; i < meterIds.size(); i++) {
            BigDecimal register = BigDecimal.valueOf(1000 + i);
            for (LocalDate day = MONTH.atDay(1).minusDays(1); !day.isAfter(MONTH.atEndOfMonth()); day = day.plusDays(1)) {
                register = register.add(new BigDecimal("4.2500"));
                closings.add(new Object[] {meterIds.get(i), day, register,
                        Timestamp.from(day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC))});
            }
            if (closings.size() >= 20_000) {
                insertClosings(jdbc, closings);
            }
        }
        insertClosings(jdbc, closings);
        List<Object[]> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accounts.add(new Object[] {firstHousehold + i});
        }
        jdbc.batchUpdate("insert into prepaid_account (household_id, opened_at) values (?, current_timestamp(3))", accounts);
        List<Long> accountIds = jdbc.queryForList("""
                select a.id from prepaid_account a join household h on h.id = a.household_id
                 where h.building_id = ? order by a.id""", Long.class, building);
        List<Object[]> entries = new ArrayList<>();
        Instant before = MONTH.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).minusDays(5).toInstant();
        Instant during = MONTH.atDay(10).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (long account : accountIds) {
            entries.add(new Object[] {account, "RECHARGE", new BigDecimal("100.00"), new BigDecimal("200.00"), Timestamp.from(before)});
            entries.add(new Object[] {account, "RECHARGE", new BigDecimal("50.00"), new BigDecimal("100.00"), Timestamp.from(during)});
            entries.add(new Object[] {account, "RECHARGE", new BigDecimal("30.00"), new BigDecimal("60.00"),
                    Timestamp.from(during.plusSeconds(86_400 * 7))});
            entries.add(new Object[] {account, "REFUND", new BigDecimal("-10.00"), new BigDecimal("-20.00"),
                    Timestamp.from(during.plusSeconds(86_400 * 12))});
        }
        jdbc.batchUpdate("""
                insert into ledger_entry (account_id, kind, amount, kwh, operator_username, occurred_at)
                values (?, ?, ?, ?, 'bench', ?)""", entries);
        return building;
    }

    private static void insertClosings(JdbcTemplate jdbc, List<Object[]> closings) {
        jdbc.batchUpdate("""
                insert into energy_daily (meter_id, day, register_kwh, taken_at, backfilled)
                values (?, ?, ?, ?, false)""", closings);
        closings.clear();
    }
}
