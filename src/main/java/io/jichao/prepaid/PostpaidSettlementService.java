package io.jichao.prepaid;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
 * Monthly settlement of POST_PAID meters (R3). For each such meter with a household, the usage of
 * the Shanghai month is read from the hourly closings in {@code energy_hourly}: the start is the
 * latest closing at or before the month start, the end the latest closing at or before the month
 * end, each at most {@link #BOUNDARY_TOLERANCE} before its boundary; a meter with no such closing
 * at either end is reported as not settled, never settled as zero. Each hour's usage (closing
 * minus the previous stored closing, attributed to the later hour) is priced with the tariff version
 * in force on its Shanghai day through {@link TariffCalculator#costOfUsage}. One POSTPAID_SETTLEMENT
 * ledger entry (negative money = owed, negative kWh = used) is written per meter and month; the
 * {@code postpaid_settlement} primary key makes a re-run add nothing.
 *
 * <p>{@code energy_hourly} belongs to {@code io.jichao.collection}; {@code prepaid} must not import
 * that package, so it is read here with plain SQL.
 */
@Service
public class PostpaidSettlementService {

    /** How far before a month boundary a closing may lie and still count as the boundary reading. */
    static final Duration BOUNDARY_TOLERANCE = Duration.ofHours(24);

    static final String SYSTEM_USER = "system";

    /** Why a meter was not settled. */
    public enum Reason { MISSING_READINGS, NO_TARIFF }

    public record Settled(long meterId, String address, Kwh energy, Money amount) {
    }

    public record NotSettled(long meterId, String address, Reason reason) {
    }

    /** The month's settled meters (this run's and earlier runs'), those not settled, and how many this run added. */
    public record SettlementReport(YearMonth month, List<Settled> settled, List<NotSettled> notSettled, int added) {
    }

    private record MeterRow(long meterId, String address, long householdId) {
    }

    private record Closing(LocalDateTime hourStartUtc, BigDecimal registerKwh) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TariffService tariffs;
    private final PrepaidAccounts accounts;
    private final LedgerEntryRepository ledger;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final Clock clock;

    PostpaidSettlementService(NamedParameterJdbcTemplate jdbc, TariffService tariffs, PrepaidAccounts accounts,
                              LedgerEntryRepository ledger, CurrentOperator currentOperator, AuditTrail audit,
                              Clock clock) {
        this.jdbc = jdbc;
        this.tariffs = tariffs;
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
            List<Closing> closings = closings(meter.meterId(), start, end);
            if (closings.size() < 2 || !closings.getFirst().hourStartUtc().isBefore(utc(start))
                    || closings.getLast().hourStartUtc().isBefore(utc(start))) {
                notSettled.add(new NotSettled(meter.meterId(), meter.address(), Reason.MISSING_READINGS));
                continue;
            }
            Money owed;
            Kwh used;
            try {
                used = new Kwh(closings.getLast().registerKwh().subtract(closings.getFirst().registerKwh())
                        .setScale(2, java.math.RoundingMode.HALF_UP));
                owed = price(meter.meterId(), closings);
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

    /** Prices each stored hour with the version in force on its Shanghai day, stepped blocks accumulating over the month. */
    private Money price(long meterId, List<Closing> closings) {
        Map<LocalDate, TariffVersionView> versions = new HashMap<>();
        Money total = Money.ZERO;
        Kwh monthToDate = Kwh.ZERO;
        List<HourlyUsage> segment = new ArrayList<>();
        TariffVersionView segmentVersion = null;
        for (int i = 1; i < closings.size(); i++) {
            Closing closing = closings.get(i);
            BigDecimal delta = closing.registerKwh().subtract(closings.get(i - 1).registerKwh());
            var hourStart = closing.hourStartUtc().atZone(ZoneOffset.UTC);
            LocalDate day = hourStart.withZoneSameInstant(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
            TariffVersionView version = versions.computeIfAbsent(day, d -> tariffs.versionFor(meterId, d));
            if (segmentVersion != null && segmentVersion.id() != version.id()) {
                total = total.plus(TariffCalculator.costOfUsage(segmentVersion.plan(), segment, monthToDate));
                monthToDate = monthToDate.plus(sum(segment));
                segment = new ArrayList<>();
            }
            segmentVersion = version;
            segment.add(new HourlyUsage(hourStart, Kwh.rounded(delta, java.math.RoundingMode.HALF_UP)));
        }
        return total.plus(TariffCalculator.costOfUsage(segmentVersion.plan(), segment, monthToDate));
    }

    private static Kwh sum(List<HourlyUsage> hours) {
        return new Kwh(hours.stream().map(h -> h.energy().value()).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * The boundary closing at the start (latest hour ending at or before the month start, within the
     * tolerance) followed by every closing of the month up to the end boundary, if that one exists.
     */
    private List<Closing> closings(long meterId, Instant start, Instant end) {
        var params = new MapSqlParameterSource().addValue("meter", meterId)
                .addValue("startLast", utc(start.minusSeconds(3600)))
                .addValue("startFirst", utc(start.minus(BOUNDARY_TOLERANCE).minusSeconds(3600)))
                .addValue("endLast", utc(end.minusSeconds(3600)))
                .addValue("endFirst", utc(end.minus(BOUNDARY_TOLERANCE).minusSeconds(3600)));
        List<Closing> first = jdbc.query("""
                SELECT hour_start, register_kwh FROM energy_hourly
                 WHERE meter_id = :meter AND hour_start BETWEEN :startFirst AND :startLast
                 ORDER BY hour_start DESC LIMIT 1""", params, this::closing);
        List<Closing> last = jdbc.query("""
                SELECT hour_start, register_kwh FROM energy_hourly
                 WHERE meter_id = :meter AND hour_start BETWEEN :endFirst AND :endLast
                 ORDER BY hour_start DESC LIMIT 1""", params, this::closing);
        if (first.isEmpty() || last.isEmpty()) {
            return List.of();
        }
        params.addValue("from", first.getFirst().hourStartUtc()).addValue("to", last.getFirst().hourStartUtc());
        return jdbc.query("""
                SELECT hour_start, register_kwh FROM energy_hourly
                 WHERE meter_id = :meter AND hour_start BETWEEN :from AND :to
                 ORDER BY hour_start""", params, this::closing);
    }

    private Closing closing(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Closing(rs.getTimestamp("hour_start").toLocalDateTime(), rs.getBigDecimal("register_kwh"));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
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
