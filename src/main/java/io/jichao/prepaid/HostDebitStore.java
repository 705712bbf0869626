package io.jichao.prepaid;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.jichao.shared.Money;

/**
 * Host-side prepaid's SQL, for many meters per statement so that a whole cycle is debited in a few
 * hundred statements: the {@code host_debit} rows, the accounts and balances, and the HOST_DEBIT
 * ledger entries.
 */
@Component
class HostDebitStore {

    /** One meter's row. */
    record Cursor(BigDecimal registerKwh, Instant readAt, IntervalPricing.MonthUsage usage, BigDecimal costExact,
                  BigDecimal costDebited, boolean relayOpen) {
    }

    /** A HOST_DEBIT entry to write. */
    record Debit(long accountId, Money amount, Instant at, String memo) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    HostDebitStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The meters' rows, locked until the transaction ends; a meter before its first reading has none. */
    Map<Long, Cursor> lock(Collection<Long> meterIds) {
        Map<Long, Cursor> cursors = new HashMap<>();
        jdbc.query("select * from host_debit where meter_id in (:ids) order by meter_id for update",
                new MapSqlParameterSource("ids", meterIds), rs -> {
                    cursors.put(rs.getLong("meter_id"), new Cursor(rs.getBigDecimal("register_kwh"),
                            rs.getTimestamp("read_at").toInstant(),
                            new IntervalPricing.MonthUsage(YearMonth.parse(rs.getString("usage_month")),
                                    rs.getBigDecimal("month_kwh")),
                            rs.getBigDecimal("cost_exact"), rs.getBigDecimal("cost_debited"),
                            rs.getBoolean("relay_open")));
                });
        return cursors;
    }

    /** How far each meter has been debited, without locking. */
    Map<Long, Instant> debitedUpTo(Collection<Long> meterIds) {
        Map<Long, Instant> upTo = new HashMap<>();
        if (!meterIds.isEmpty()) {
            jdbc.query("select meter_id, read_at from host_debit where meter_id in (:ids)",
                    new MapSqlParameterSource("ids", meterIds),
                    rs -> { upTo.put(rs.getLong(1), rs.getTimestamp(2).toInstant()); });
        }
        return upTo;
    }

    /**
     * Writes the rows, one multi-row statement; a new row racing another pass's insert fails on the
     * key and rolls the pass back.
     */
    void save(Map<Long, Cursor> cursors, Instant now) {
        if (cursors.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        cursors.forEach((meter, cursor) -> args.addAll(List.of(meter, cursor.registerKwh(),
                Timestamp.from(cursor.readAt()), cursor.usage().month().toString(), cursor.usage().kwh(),
                cursor.costExact(), cursor.costDebited(), cursor.relayOpen(), Timestamp.from(now))));
        jdbc.getJdbcTemplate().update("""
                insert into host_debit (meter_id, register_kwh, read_at, usage_month, month_kwh, cost_exact,
                    cost_debited, relay_open, updated_at) values """ + rows("(?, ?, ?, ?, ?, ?, ?, ?, ?)", cursors.size())
                + """
                 on duplicate key update register_kwh = values(register_kwh), read_at = values(read_at),
                    usage_month = values(usage_month), month_kwh = values(month_kwh), cost_exact = values(cost_exact),
                    cost_debited = values(cost_debited), updated_at = values(updated_at)""", args.toArray());
    }

    /** The HOST_DEBIT entries, one multi-row insert (the ledger stays append-only). */
    void ledger(List<Debit> debits) {
        if (debits.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        debits.forEach(debit -> args.addAll(List.of(debit.accountId(), debit.amount().negate().yuan(),
                HostDebitService.ENGINE, Timestamp.from(debit.at()), debit.memo())));
        jdbc.getJdbcTemplate().update("""
                insert into ledger_entry (account_id, kind, amount, kwh, order_id, operator_username, occurred_at, memo)
                values """ + rows("(?, 'HOST_DEBIT', ?, 0, null, ?, ?, ?)", debits.size()), args.toArray());
    }

    private static String rows(String row, int count) {
        return String.join(", ", Collections.nCopies(count, row));
    }

    /** Account ID by household, for the households that have one. */
    Map<Long, Long> accounts(Collection<Long> householdIds) {
        Map<Long, Long> accounts = new HashMap<>();
        jdbc.query("select id, household_id from prepaid_account where household_id in (:ids)",
                new MapSqlParameterSource("ids", householdIds), rs -> {
                    accounts.put(rs.getLong(2), rs.getLong(1));
                });
        return accounts;
    }

    /** Money balance by account, summed from the ledger. */
    Map<Long, Money> balances(Collection<Long> accountIds) {
        Map<Long, Money> balances = new HashMap<>();
        jdbc.query("select account_id, sum(amount) from ledger_entry where account_id in (:ids) group by account_id",
                new MapSqlParameterSource("ids", accountIds), rs -> {
                    balances.put(rs.getLong(1), new Money(rs.getBigDecimal(2)));
                });
        return balances;
    }

    boolean relayOpen(long meterId) {
        return jdbc.queryForList("select relay_open from host_debit where meter_id = :id",
                new MapSqlParameterSource("id", meterId), Boolean.class).stream().findFirst().orElse(false);
    }

    void relay(long meterId, boolean open, Instant now) {
        jdbc.update("update host_debit set relay_open = :open, updated_at = :now where meter_id = :id",
                new MapSqlParameterSource("open", open).addValue("now", Timestamp.from(now)).addValue("id", meterId));
    }
}
