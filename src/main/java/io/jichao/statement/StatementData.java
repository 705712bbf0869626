package io.jichao.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.jichao.collection.PeriodEnergy;
import io.jichao.prepaid.LedgerKind;
import io.jichao.prepaid.TariffKind;
import io.jichao.security.DistrictScope;
import io.jichao.security.DistrictSql;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;
import io.jichao.statement.MonthlyStatement.Entry;
import io.jichao.statement.MonthlyStatement.MeterUsage;
import io.jichao.statement.MonthlyStatement.Rate;
import io.jichao.statement.MonthlyStatement.Tariff;

/**
 * Loads statements for many households at once: a handful of set-based queries per chunk of
 * households (households, meters, daily closings, tariffs, ledger), never one query per household,
 * so a district of thousands loads in seconds. Plain SQL over the archive's, the aggregates' and the
 * prepaid ledger's tables, read-only; the callers check permission and pass the district, which
 * every query here applies to the meters.
 */
@Component
class StatementData {

    private final NamedParameterJdbcTemplate jdbc;

    StatementData(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Households with a meter of the month inside the district, by building code and room. */
    List<Long> households(DistrictScope district, YearMonth month) {
        MapSqlParameterSource params = new MapSqlParameterSource("start", Timestamp.from(start(month)));
        return jdbc.queryForList("""
                SELECT h.id FROM household h JOIN building b ON b.id = h.building_id
                 WHERE EXISTS (SELECT 1 FROM meter m WHERE m.household_id = h.id
                                  AND (m.state <> 'REMOVED' OR m.removed_at >= :start)""" + DistrictSql.meterFilter(district, params) + """
                )
                 ORDER BY b.code, h.room, h.id""", params, Long.class);
    }

    /** The household of a meter, null when it has none. */
    Long householdOf(long meterId) {
        List<Long> found = jdbc.queryForList("SELECT household_id FROM meter WHERE id = :id AND household_id IS NOT NULL",
                new MapSqlParameterSource("id", meterId), Long.class);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The statements of these households (those with a meter in the district), in the given order. */
    List<MonthlyStatement> load(List<Long> householdIds, DistrictScope district, YearMonth month) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        Instant start = start(month);
        Instant end = start(month.plusMonths(1));
        LocalDate before = month.atDay(1).minusDays(1);
        LocalDate last = month.atEndOfMonth();
        MapSqlParameterSource params = new MapSqlParameterSource("households", householdIds)
                .addValue("start", Timestamp.from(start)).addValue("end", Timestamp.from(end))
                .addValue("before", before).addValue("last", last);

        Map<Long, List<MeterRow>> metersByHousehold = new HashMap<>();
        List<Long> meterIds = new ArrayList<>();
        jdbc.query("""
                SELECT m.id, m.household_id, m.address, m.ct_ratio, m.pt_ratio FROM meter m
                 WHERE m.household_id IN (:households) AND (m.state <> 'REMOVED' OR m.removed_at >= :start)"""
                + DistrictSql.meterFilter(district, params) + " ORDER BY m.address", params, row -> {
            MeterRow meter = new MeterRow(row.getLong(1), row.getString(3), row.getInt(4) * row.getInt(5));
            metersByHousehold.computeIfAbsent(row.getLong(2), h -> new ArrayList<>()).add(meter);
            meterIds.add(meter.id());
        });
        if (meterIds.isEmpty()) {
            return List.of();
        }
        params.addValue("meters", meterIds);
        Map<Long, Map<LocalDate, BigDecimal>> closings = closings(params);
        Map<Long, Tariff> tariffs = tariffs(params);
        Map<Long, List<Entry>> entries = entries(params);
        Map<Long, Balance> openings = openings(params);

        Map<Long, MonthlyStatement> statements = new LinkedHashMap<>();
        jdbc.query("""
                SELECT h.id, h.name, h.room, b.name, s.name FROM household h
                  JOIN building b ON b.id = h.building_id JOIN site s ON s.id = b.site_id
                 WHERE h.id IN (:households)""", params, row -> {
            long id = row.getLong(1);
            List<MeterRow> meters = metersByHousehold.get(id);
            if (meters == null) {
                return;
            }
            List<MeterUsage> usages = meters.stream()
                    .map(m -> usage(m, closings.getOrDefault(m.id(), Map.of()), month, tariffs.get(m.id()))).toList();
            List<Entry> monthEntries = entries.getOrDefault(id, List.of());
            Balance opening = openings.getOrDefault(id, Balance.ZERO);
            Balance closing = opening;
            for (Entry entry : monthEntries) {
                closing = new Balance(closing.money().plus(entry.amount()), closing.kwh().plus(entry.kwh()));
            }
            statements.put(id, new MonthlyStatement(id, row.getString(5), row.getString(4), row.getString(3),
                    row.getString(2), month, usages, monthEntries, opening.money(), opening.kwh(), closing.money(),
                    closing.kwh()));
        });
        return householdIds.stream().map(statements::get).filter(s -> s != null).toList();
    }

    /**
     * Usage = the register's advance from the closing of the day before the month to the closing of
     * its last day, counted by {@link PeriodEnergy} (the product's one calculation of period energy:
     * steps between consecutive stored closings, so a missing day inside the month costs nothing and
     * a roll-over is followed, times CT × PT). A missing boundary closing, or a
     * register that went back (meter replaced or reset), makes the month incomplete: the usage is
     * then what the stored closings cover, and empty when they cover nothing, never zero.
     */
    private static MeterUsage usage(MeterRow meter, Map<LocalDate, BigDecimal> days, YearMonth month, Tariff tariff) {
        LocalDate before = month.atDay(1).minusDays(1);
        LocalDate last = month.atEndOfMonth();
        List<PeriodEnergy.Closing> stored = new ArrayList<>();
        for (LocalDate day = before; !day.isAfter(last); day = day.plusDays(1)) {
            BigDecimal closing = days.get(day);
            if (closing != null) {
                stored.add(new PeriodEnergy.Closing(start(day), closing));
            }
        }
        PeriodEnergy.Usage period = PeriodEnergy.over(stored, meter.multiplier());
        boolean broken = period.broken();
        Optional<BigDecimal> opening = Optional.ofNullable(days.get(before));
        Optional<BigDecimal> closing = Optional.ofNullable(days.get(last));
        Optional<Kwh> usage = period.covered() ? Optional.of(period.total()) : Optional.empty();
        boolean incomplete = opening.isEmpty() || closing.isEmpty() || broken;
        return new MeterUsage(meter.id(), meter.address(), opening.map(StatementData::register),
                closing.map(StatementData::register), usage, incomplete, meter.multiplier(),
                Optional.ofNullable(tariff));
    }

    private static BigDecimal register(BigDecimal kwh) {
        return kwh.setScale(2, RoundingMode.HALF_UP);
    }

    private Map<Long, Map<LocalDate, BigDecimal>> closings(MapSqlParameterSource params) {
        Map<Long, Map<LocalDate, BigDecimal>> closings = new HashMap<>();
        jdbc.query("""
                SELECT meter_id, day, register_kwh FROM energy_daily
                 WHERE meter_id IN (:meters) AND day BETWEEN :before AND :last""", params, row -> {
            closings.computeIfAbsent(row.getLong(1), m -> new HashMap<>())
                    .put(row.getObject(2, LocalDate.class), row.getBigDecimal(3));
        });
        return closings;
    }

    /** The version in force on the month's last day for each meter: its group's, or the site default's. */
    private Map<Long, Tariff> tariffs(MapSqlParameterSource params) {
        Map<Long, Long> groupOfMeter = new HashMap<>();
        jdbc.query("SELECT meter_id, group_id FROM tariff_group_meter WHERE meter_id IN (:meters)", params,
                row -> {
                    groupOfMeter.put(row.getLong(1), row.getLong(2));
                });
        Long siteDefault = jdbc.queryForObject("SELECT id FROM tariff_group WHERE site_default_key = 'SITE'",
                params, Long.class);
        Map<Long, Long> versionOfGroup = new HashMap<>();
        Map<Long, TariffKind> kinds = new HashMap<>();
        jdbc.query("""
                SELECT id, group_id, kind FROM tariff_version WHERE effective_from <= :last
                 ORDER BY group_id, effective_from DESC""", params, row -> {
            if (versionOfGroup.putIfAbsent(row.getLong(2), row.getLong(1)) == null) {
                kinds.put(row.getLong(1), TariffKind.valueOf(row.getString(3)));
            }
        });
        Map<Long, Tariff> byVersion = new HashMap<>();
        if (!kinds.isEmpty()) {
            Map<Long, List<Rate>> rates = new HashMap<>();
            jdbc.query("""
                    SELECT version_id, period_kind, start_time, end_time, up_to_kwh, price FROM tariff_rate
                     WHERE version_id IN (:versions) ORDER BY version_id, position""",
                    new MapSqlParameterSource("versions", kinds.keySet()), row -> {
                        rates.computeIfAbsent(row.getLong(1), v -> new ArrayList<>()).add(new Rate(row.getString(2),
                                row.getObject(3, LocalTime.class), row.getObject(4, LocalTime.class),
                                row.getBigDecimal(5), row.getBigDecimal(6)));
                    });
            kinds.forEach((version, kind) -> byVersion.put(version, new Tariff(kind, rates.getOrDefault(version, List.of()))));
        }
        Map<Long, Tariff> tariffs = new HashMap<>();
        for (Object id : (List<?>) params.getValue("meters")) {
            long meterId = (Long) id;
            Long version = versionOfGroup.get(groupOfMeter.getOrDefault(meterId, siteDefault));
            if (version != null) {
                tariffs.put(meterId, byVersion.get(version));
            }
        }
        return tariffs;
    }

    private Map<Long, List<Entry>> entries(MapSqlParameterSource params) {
        Map<Long, List<Entry>> entries = new HashMap<>();
        jdbc.query("""
                SELECT a.household_id, e.occurred_at, e.kind, e.amount, e.kwh, e.order_id
                  FROM ledger_entry e JOIN prepaid_account a ON a.id = e.account_id
                 WHERE a.household_id IN (:households) AND e.occurred_at >= :start AND e.occurred_at < :end
                 ORDER BY e.occurred_at, e.id""", params, row -> {
            entries.computeIfAbsent(row.getLong(1), h -> new ArrayList<>()).add(new Entry(
                    row.getTimestamp(2).toInstant(), LedgerKind.valueOf(row.getString(3)),
                    new Money(row.getBigDecimal(4)), new Kwh(row.getBigDecimal(5)), row.getObject(6, Long.class)));
        });
        return entries;
    }

    private Map<Long, Balance> openings(MapSqlParameterSource params) {
        Map<Long, Balance> openings = new HashMap<>();
        jdbc.query("""
                SELECT a.household_id, SUM(e.amount), SUM(e.kwh)
                  FROM ledger_entry e JOIN prepaid_account a ON a.id = e.account_id
                 WHERE a.household_id IN (:households) AND e.occurred_at < :start
                 GROUP BY a.household_id""", params, row -> {
            openings.put(row.getLong(1), new Balance(new Money(row.getBigDecimal(2)), new Kwh(row.getBigDecimal(3))));
        });
        return openings;
    }


    static Instant start(YearMonth month) {
        return start(month.atDay(1));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
    }

    private record MeterRow(long id, String address, int multiplier) {
    }

    private record Balance(Money money, Kwh kwh) {
        static final Balance ZERO = new Balance(Money.ZERO, Kwh.ZERO);
    }
}
