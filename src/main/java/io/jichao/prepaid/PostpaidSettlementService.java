package io.jichao.prepaid;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.DistrictSql;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;

/**
 * Monthly settlement of POST_PAID meters (R3). For each such meter with a household, the energy of
 * the Shanghai month comes from {@link MeteredEnergy} (the collection feature's one calculation of
 * period energy: hourly closings near both boundaries, CT × PT applied, register roll-over
 * followed); a meter without a boundary closing, or whose register went back inside the month, is
 * reported as not settled, never settled as zero. Each hour's energy is priced with the tariff
 * version in force on its Shanghai day through {@link TariffCalculator#costOfUsage}. One
 * POSTPAID_SETTLEMENT ledger entry (negative money = owed, negative kWh = used) is written per meter
 * and month; the {@code postpaid_settlement} primary key makes a re-run add nothing.
 */
@Service
public class PostpaidSettlementService {

    static final String SYSTEM_USER = "system";

    /** Why a meter was not settled. */
    public enum Reason { MISSING_READINGS, REGISTER_WENT_BACK, NO_TARIFF }

    public record Settled(long meterId, String address, Kwh energy, Money amount) {
    }

    public record NotSettled(long meterId, String address, Reason reason) {
    }

    /** The month's settled meters (this run's and earlier runs'), those not settled, and how many this run added. */
    public record SettlementReport(YearMonth month, List<Settled> settled, List<NotSettled> notSettled, int added) {
    }

    private record MeterRow(long meterId, String address, long householdId) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TariffService tariffs;
    private final MeteredEnergy energy;
    private final PrepaidAccounts accounts;
    private final LedgerEntryRepository ledger;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final Clock clock;

    PostpaidSettlementService(NamedParameterJdbcTemplate jdbc, TariffService tariffs, MeteredEnergy energy,
                              PrepaidAccounts accounts,
                              LedgerEntryRepository ledger, CurrentOperator currentOperator, AuditTrail audit,
                              Clock clock) {
        this.jdbc = jdbc;
        this.tariffs = tariffs;
        this.energy = energy;
        this.accounts = accounts;
        this.ledger = ledger;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.clock = clock;
    }

    /** Settles the month for the operator's district; FINANCE only. */
    @Transactional
    public SettlementReport settle(YearMonth month) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.FINANCE);
        return settle(month, operator.district(), operator.username());
    }

    /** For the scheduled job, which has no operator: the whole site, recorded as {@value #SYSTEM_USER}. */
    @Transactional
    SettlementReport settleAsSystem(YearMonth month) {
        return settle(month, DistrictScope.everything(), SYSTEM_USER);
    }

    private SettlementReport settle(YearMonth month, DistrictScope district, String username) {
        if (month == null) {
            throw new DomainException("error.required", "month");
        }
        Instant start = month.atDay(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
        Instant now = clock.instant();
        List<NotSettled> notSettled = new ArrayList<>();
        int added = 0;
        for (MeterRow meter : meters(district)) {
            if (alreadySettled(meter.meterId(), month)) {
                continue;
            }
            MeteredEnergy.Outcome outcome = energy.hourly(meter.meterId(), start, end);
            if (outcome.period().isEmpty()) {
                notSettled.add(new NotSettled(meter.meterId(), meter.address(), Reason.valueOf(outcome.gap().name())));
                continue;
            }
            Kwh used = outcome.period().get().total();
            Money owed;
            try {
                owed = price(meter.meterId(), outcome.period().get().hours());
            } catch (DomainException noTariff) {
                notSettled.add(new NotSettled(meter.meterId(), meter.address(), Reason.NO_TARIFF));
                continue;
            }
            long accountId = accounts.openFor(meter.householdId());
            int inserted = jdbc.update("""
                    INSERT IGNORE INTO postpaid_settlement (meter_id, month, account_id, amount, kwh, settled_at, settled_by)
                    VALUES (:meter, :month, :account, :amount, :kwh, :at, :by)""",
                    new MapSqlParameterSource().addValue("meter", meter.meterId()).addValue("month", month.toString())
                            .addValue("account", accountId).addValue("amount", owed.yuan())
                            .addValue("kwh", used.value()).addValue("at", Timestamp.from(now)).addValue("by", username));
            if (inserted == 1) {
                ledger.save(new LedgerEntry(accountId, LedgerKind.POSTPAID_SETTLEMENT, owed.negate(), used.negate(),
                        null, username, now, "postpaid " + month + " " + meter.address()));
                added++;
            }
        }
        audit.record(username, "POSTPAID_SETTLE", month.toString(),
                "added " + added + ", not settled " + notSettled.size());
        return new SettlementReport(month, settled(month, district), List.copyOf(notSettled), added);
    }

    /** Prices each hour with the version in force on its Shanghai day, stepped blocks accumulating over the month. */
    private Money price(long meterId, List<HourlyUsage> hours) {
        Map<LocalDate, TariffVersionView> versions = new HashMap<>();
        Money total = Money.ZERO;
        Kwh monthToDate = Kwh.ZERO;
        List<HourlyUsage> segment = new ArrayList<>();
        TariffVersionView segmentVersion = null;
        for (HourlyUsage hour : hours) {
            LocalDate day = hour.hourStart().withZoneSameInstant(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
            TariffVersionView version = versions.computeIfAbsent(day, d -> tariffs.versionFor(meterId, d));
            if (segmentVersion != null && segmentVersion.id() != version.id()) {
                total = total.plus(TariffCalculator.costOfUsage(segmentVersion.plan(), segment, monthToDate));
                monthToDate = monthToDate.plus(sum(segment));
                segment = new ArrayList<>();
            }
            segmentVersion = version;
            segment.add(hour);
        }
        return segmentVersion == null ? Money.ZERO
                : total.plus(TariffCalculator.costOfUsage(segmentVersion.plan(), segment, monthToDate));
    }

    private static Kwh sum(List<HourlyUsage> hours) {
        return new Kwh(hours.stream().map(h -> h.energy().value()).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private boolean alreadySettled(long meterId, YearMonth month) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM postpaid_settlement WHERE meter_id = :meter AND month = :month",
                new MapSqlParameterSource().addValue("meter", meterId).addValue("month", month.toString()),
                Integer.class);
        return count != null && count > 0;
    }

    private List<MeterRow> meters(DistrictScope district) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "SELECT m.id, m.address, m.household_id FROM meter m"
                + " WHERE m.billing_mode = 'POSTPAID' AND m.household_id IS NOT NULL"
                + DistrictSql.meterFilter(district, params) + " ORDER BY m.id";
        return jdbc.query(sql, params,
                (rs, row) -> new MeterRow(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    private List<Settled> settled(YearMonth month, DistrictScope district) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("month", month.toString());
        String sql = "SELECT m.id, m.address, s.kwh, s.amount FROM postpaid_settlement s JOIN meter m ON m.id = s.meter_id"
                + " WHERE s.month = :month" + DistrictSql.meterFilter(district, params) + " ORDER BY m.id";
        return jdbc.query(sql, params, (rs, row) -> new Settled(rs.getLong(1), rs.getString(2),
                new Kwh(rs.getBigDecimal(3)), new Money(rs.getBigDecimal(4))));
    }
}
