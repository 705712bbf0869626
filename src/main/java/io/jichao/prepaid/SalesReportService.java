package io.jichao.prepaid;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
 * Sales per property office, clerk and payment method for a Shanghai day or month (R20). Computed
 * from {@code ledger_entry}: RECHARGE entries are the gross sales, REVERSAL and REFUND entries of an
 * order are what was given back, each counted on the day it was written and attributed to its
 * order's office (by the meter's building), clerk and payment method. The totals are therefore the
 * ledger's own SUM over those entries. FINANCE sees the whole site, a RECHARGE clerk the district.
 */
@Service
public class SalesReportService {

    static final ZoneId ZONE = TimeConfiguration.DISPLAY_ZONE;

    private static final String ENTRIES = """
            SELECT le.kind, le.amount, le.kwh, le.occurred_at, o.created_by, o.payment_method,
                   po.name AS office_name, op.display_name
              FROM ledger_entry le
              JOIN recharge_order o ON o.id = le.order_id
              JOIN meter m ON m.id = o.meter_id
              JOIN building b ON b.id = m.building_id
              LEFT JOIN property_office po ON po.id = b.property_office_id
              LEFT JOIN operator op ON op.username = o.created_by
             WHERE le.kind IN ('RECHARGE', 'REVERSAL', 'REFUND')
               AND le.occurred_at >= :from AND le.occurred_at < :to
            """;

    /** A Shanghai day or a Shanghai month. */
    public sealed interface Period {
        LocalDate firstDay();

        /** The day after the last one. */
        LocalDate endDay();

        record Day(LocalDate day) implements Period {
            public LocalDate firstDay() { return day; }
            public LocalDate endDay() { return day.plusDays(1); }
        }

        record Month(YearMonth month) implements Period {
            public LocalDate firstDay() { return month.atDay(1); }
            public LocalDate endDay() { return month.plusMonths(1).atDay(1); }
        }

        /** The UTC instant the period starts, Shanghai midnight. */
        default Instant from() { return firstDay().atStartOfDay(ZONE).toInstant(); }

        default Instant to() { return endDay().atStartOfDay(ZONE).toInstant(); }
    }

    /** Sums of one group: gross sales, what was reversed or refunded (negative), and the net. */
    public record Figures(int recharges, Money gross, Kwh grossKwh, int reversals, Money reversed, Kwh reversedKwh) {
        static final Figures NONE = new Figures(0, Money.ZERO, Kwh.ZERO, 0, Money.ZERO, Kwh.ZERO);

        public Money net() { return gross.plus(reversed); }

        public Kwh netKwh() { return grossKwh.plus(reversedKwh); }

        Figures plus(Figures other) {
            return new Figures(recharges + other.recharges, gross.plus(other.gross), grossKwh.plus(other.grossKwh),
                    reversals + other.reversals, reversed.plus(other.reversed), reversedKwh.plus(other.reversedKwh));
        }
    }

    /** One row: a property office (null when the building has none), a clerk and a payment method. */
    public record SalesRow(String office, String clerk, String clerkName, PaymentMethod method, Figures figures) {
    }

    /** The totals of one Shanghai day of the period. */
    public record DailySales(LocalDate day, Figures figures) {
    }

    public record SalesReport(Period period, List<SalesRow> rows, Figures totals, List<DailySales> days) {
    }

    private record Entry(LedgerKind kind, BigDecimal amount, BigDecimal kwh, Instant at, String clerk,
                         PaymentMethod method, String office, String clerkName) {
        Figures figures() {
            Money money = new Money(amount);
            Kwh energy = new Kwh(kwh);
            return kind == LedgerKind.RECHARGE
                    ? new Figures(1, money, energy, 0, Money.ZERO, Kwh.ZERO)
                    : new Figures(0, Money.ZERO, Kwh.ZERO, 1, money, energy);
        }
    }

    private record Key(String office, String clerk, PaymentMethod method) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentOperator currentOperator;

    SalesReportService(NamedParameterJdbcTemplate jdbc, CurrentOperator currentOperator) {
        this.jdbc = jdbc;
        this.currentOperator = currentOperator;
    }

    /** The report of the period, rows ordered by office, clerk and payment method, with one line per day. */
    @Transactional(readOnly = true)
    public SalesReport report(Period period) {
        if (period == null) {
            throw new DomainException("error.required", "period");
        }
        DistrictScope district = scope();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", Timestamp.from(period.from()))
                .addValue("to", Timestamp.from(period.to()));
        String sql = ENTRIES + DistrictSql.meterFilter(district, params);
        List<Entry> entries = jdbc.query(sql, params, (rs, n) -> new Entry(
                LedgerKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"), rs.getBigDecimal("kwh"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("created_by"),
                PaymentMethod.valueOf(rs.getString("payment_method")), rs.getString("office_name"),
                rs.getString("display_name")));

        Map<Key, Figures> byKey = new TreeMap<>(Comparator
                .comparing(Key::office, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Key::clerk)
                .thenComparing(Key::method));
        Map<Key, String> names = new java.util.HashMap<>();
        Map<LocalDate, Figures> byDay = new TreeMap<>();
        for (LocalDate day = period.firstDay(); day.isBefore(period.endDay()); day = day.plusDays(1)) {
            byDay.put(day, Figures.NONE);
        }
        Figures totals = Figures.NONE;
        for (Entry entry : entries) {
            Key key = new Key(entry.office(), entry.clerk(), entry.method());
            byKey.merge(key, entry.figures(), Figures::plus);
            names.putIfAbsent(key, Objects.requireNonNullElse(entry.clerkName(), entry.clerk()));
            byDay.merge(LocalDate.ofInstant(entry.at(), ZONE), entry.figures(), Figures::plus);
            totals = totals.plus(entry.figures());
        }
        List<SalesRow> rows = new ArrayList<>();
        byKey.forEach((key, figures) -> rows.add(
                new SalesRow(key.office(), key.clerk(), names.get(key), key.method(), figures)));
        List<DailySales> days = new ArrayList<>();
        byDay.forEach((day, figures) -> days.add(new DailySales(day, figures)));
        return new SalesReport(period, List.copyOf(rows), totals, List.copyOf(days));
    }

    /** The whole site for FINANCE, the district for a RECHARGE clerk, nothing for anyone else. */
    private DistrictScope scope() {
        OperatorContext operator = currentOperator.get();
        if (operator.has(Permission.FINANCE)) {
            return DistrictScope.everything();
        }
        operator.require(Permission.RECHARGE);
        return operator.district();
    }
}
