package io.jichao.statement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.security.OperatorService;
import io.jichao.security.Role;
import io.jichao.testing.LoginSupport;

/**
 * Households, meters, daily closings, a past tariff and ledger entries of the statement tests'
 * own (all test classes share one database). Meters go through {@link MeterService}; readings,
 * past tariff versions and dated ledger entries are inserted as rows, because the services only
 * ever write "now" and a statement is about a past month.
 */
final class StatementFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    static final String RUN = String.valueOf(Math.floorMod(UUID.randomUUID().hashCode(), 90_000) + 10_000);

    private final MeterService meters;
    private final SiteStructureService structure;
    private final JdbcTemplate jdbc;
    private final UserDetailsService users;

    StatementFixtures(MeterService meters, SiteStructureService structure, JdbcTemplate jdbc, UserDetailsService users) {
        this.meters = meters;
        this.structure = structure;
        this.jdbc = jdbc;
        this.users = users;
    }

    long buildingId(String code) {
        LoginSupport.loginAs(users, "super");
        return structure.buildings().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow().id();
    }

    /** A new meter (CT × PT as given) with a new household; returns the meter id. */
    long meter(String buildingCode, String address, String room, String householdName, int ct, int pt) {
        long buildingId = buildingId(buildingCode);
        long id = meters.create(new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.SINGLE,
                BillingMode.PREPAID, buildingId, null, null, null, ct, pt, new BigDecimal("10"), null, null, room,
                householdName, List.of()));
        LoginSupport.logout();
        return id;
    }

    long householdOf(long meterId) {
        return jdbc.queryForObject("SELECT household_id FROM meter WHERE id = ?", Long.class, meterId);
    }

    void closing(long meterId, LocalDate day, String registerKwh) {
        jdbc.update("INSERT INTO energy_daily (meter_id, day, register_kwh, taken_at, backfilled) VALUES (?, ?, ?, ?, FALSE)",
                meterId, day, new BigDecimal(registerKwh), Timestamp.from(day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
    }

    /** A flat tariff group holding the meter, with a version that took effect on {@code from}. */
    void flatTariff(long meterId, LocalDate from, String price) {
        String name = "stmt-" + RUN + "-" + SEQUENCE.incrementAndGet();
        jdbc.update("INSERT INTO tariff_group (name, created_at) VALUES (?, CURRENT_TIMESTAMP(3))", name);
        long group = jdbc.queryForObject("SELECT id FROM tariff_group WHERE name = ?", Long.class, name);
        jdbc.update("""
                INSERT INTO tariff_version (group_id, effective_from, kind, created_at, created_by)
                VALUES (?, ?, 'FLAT', CURRENT_TIMESTAMP(3), 'finance')""", group, from);
        long version = jdbc.queryForObject("SELECT id FROM tariff_version WHERE group_id = ?", Long.class, group);
        jdbc.update("INSERT INTO tariff_rate (version_id, position, price) VALUES (?, 0, ?)", version, new BigDecimal(price));
        jdbc.update("INSERT INTO tariff_group_meter (meter_id, group_id) VALUES (?, ?)", meterId, group);
    }

    long account(long householdId) {
        jdbc.update("INSERT IGNORE INTO prepaid_account (household_id, opened_at) VALUES (?, CURRENT_TIMESTAMP(3))",
                householdId);
        return jdbc.queryForObject("SELECT id FROM prepaid_account WHERE household_id = ?", Long.class, householdId);
    }

    void entry(long accountId, String kind, String amount, String kwh, Instant at) {
        jdbc.update("""
                INSERT INTO ledger_entry (account_id, kind, amount, kwh, operator_username, occurred_at)
                VALUES (?, ?, ?, ?, 'finance', ?)""", accountId, kind, new BigDecimal(amount), new BigDecimal(kwh),
                Timestamp.from(at));
    }

    /** A FINANCE operator whose district is the given buildings only. */
    String districtFinance(OperatorService operators, long... buildingIds) {
        String username = "sfin" + RUN + SEQUENCE.incrementAndGet();
        Set<Long> buildings = java.util.Arrays.stream(buildingIds).boxed().collect(java.util.stream.Collectors.toSet());
        operators.provisionAtStartup(new OperatorService.OperatorDraft(username, "区域财务 " + username,
                Set.of(Role.FINANCE), false, buildings, Set.of(), null), "Statement2026x", false);
        return username;
    }

    static String address(int n) {
        return "78" + RUN + String.format("%05d", n);
    }

    static int next() {
        return SEQUENCE.incrementAndGet();
    }
}
