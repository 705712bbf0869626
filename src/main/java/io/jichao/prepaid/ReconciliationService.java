package io.jichao.prepaid;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import io.jichao.shared.TimeConfiguration;

/**
 * Daily prepaid reconciliation (R3). The engine does not read the meter's purchase count or
 * cumulative purchase as a reading item, so the meter's side is taken from {@code recharge_delivery}:
 * per confirmed order the remaining energy and purchase count read just before and just after the
 * write. For each PREPAID meter with confirmed orders created before the end of the Shanghai day:
 * <ul>
 *   <li>ledger kWh = the sum of RECHARGE, REVERSAL, REFUND, EMERGENCY_CREDIT and EMERGENCY_REPAYMENT kWh
 *       of those orders (an emergency credit is energy sent to the meter; a repayment is purchased
 *       energy that was not);</li>
 *   <li>meter kWh = the sum of (remaining after − remaining before) over their deliveries;</li>
 *   <li>meter purchases = the highest purchase count after minus the lowest purchase count before.</li>
 * </ul>
 * A meter is a finding when the kWh differ by more than {@link #TOLERANCE_PER_ORDER} per order
 * (the meter keeps consuming between the two reads), when its purchases differ from the number of
 * confirmed orders, or when a confirmed order has no read-back figures. Orders that sent the meter
 * nothing (a purchase that wholly repaid an emergency credit) have no delivery and are left out. Findings are kept in
 * {@code reconciliation_finding}; a re-run replaces the day's findings for the meters it covers.
 */
@Service
public class ReconciliationService {

    static final BigDecimal TOLERANCE_PER_ORDER = new BigDecimal("0.10");

    public record Finding(LocalDate day, long meterId, String address, int confirmedOrders, Kwh ledgerKwh,
                          Kwh meterKwh, Integer meterPurchases) {
    }

    private static final String FIGURES = """
            SELECT m.id, m.address, m.building_id, m.box_id,
                   COUNT(DISTINCT o.id) AS orders,
                   (SELECT COALESCE(SUM(le.kwh), 0) FROM ledger_entry le JOIN recharge_order lo ON lo.id = le.order_id
                     WHERE lo.meter_id = m.id AND lo.state = 'CONFIRMED' AND lo.kwh > 0 AND lo.created_at < :end
                       AND le.kind IN ('RECHARGE', 'REVERSAL', 'REFUND', 'EMERGENCY_CREDIT', 'EMERGENCY_REPAYMENT')) AS ledger_kwh,
                   SUM(d.remaining_after - d.remaining_before) AS meter_kwh,
                   SUM(CASE WHEN d.remaining_after IS NULL OR d.remaining_before IS NULL
                             OR d.purchase_count_after IS NULL OR d.purchase_count_before IS NULL
                            THEN 1 ELSE 0 END) AS without_figures,
                   MAX(d.purchase_count_after) - MIN(d.purchase_count_before) AS purchases
              FROM meter m
              JOIN recharge_order o ON o.meter_id = m.id AND o.state = 'CONFIRMED' AND o.kwh > 0 AND o.created_at < :end
              LEFT JOIN recharge_delivery d ON d.order_id = o.id
             WHERE m.billing_mode = 'PREPAID'
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final Clock clock;

    ReconciliationService(NamedParameterJdbcTemplate jdbc, CurrentOperator currentOperator, AuditTrail audit,
                          Clock clock) {
        this.jdbc = jdbc;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reconciles the day for the operator's district; FINANCE only. */
    @Transactional
    public List<Finding> run(LocalDate day) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.FINANCE);
        return run(day, operator.district(), operator.username());
    }

    /** For the scheduled job: the whole site, recorded as the system. */
    @Transactional
    List<Finding> runAsSystem(LocalDate day) {
        return run(day, DistrictScope.everything(), PostpaidSettlementService.SYSTEM_USER);
    }

    /** The findings of the latest reconciled day in the operator's district; FINANCE only. */
    @Transactional(readOnly = true)
    public List<Finding> latest() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.FINANCE);
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = """
                SELECT f.run_day, f.meter_id, m.address, f.confirmed_orders, f.ledger_kwh, f.meter_kwh, f.meter_purchases
                  FROM reconciliation_finding f JOIN meter m ON m.id = f.meter_id
                 WHERE f.run_day = (SELECT MAX(run_day) FROM reconciliation_finding)""" + DistrictSql.meterFilter(operator.district(), params)
                + " ORDER BY m.address";
        return jdbc.query(sql, params, (rs, row) -> new Finding(rs.getDate(1).toLocalDate(), rs.getLong(2),
                rs.getString(3), rs.getInt(4), new Kwh(rs.getBigDecimal(5)),
                rs.getBigDecimal(6) == null ? null : new Kwh(rs.getBigDecimal(6)),
                rs.getObject(7) == null ? null : rs.getInt(7)));
    }

    private List<Finding> run(LocalDate day, DistrictScope district, String username) {
        if (day == null) {
            throw new DomainException("error.required", "day");
        }
        Instant end = day.plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("end", Timestamp.from(end))
                .addValue("day", Date.valueOf(day)).addValue("at", Timestamp.from(clock.instant()));
        String filter = DistrictSql.meterFilter(district, params);
        List<Finding> findings = new ArrayList<>();
        List<Long> covered = new ArrayList<>();
        jdbc.query(FIGURES + filter + " GROUP BY m.id, m.address, m.building_id, m.box_id ORDER BY m.address", params,
                rs -> {
                    long meterId = rs.getLong("id");
                    covered.add(meterId);
                    int orders = rs.getInt("orders");
                    BigDecimal ledgerKwh = rs.getBigDecimal("ledger_kwh");
                    BigDecimal meterKwh = rs.getBigDecimal("meter_kwh");
                    Integer purchases = rs.getObject("purchases") == null ? null : rs.getInt("purchases");
                    boolean withoutFigures = rs.getInt("without_figures") > 0;
                    BigDecimal tolerance = TOLERANCE_PER_ORDER.multiply(BigDecimal.valueOf(orders));
                    boolean mismatch = withoutFigures || meterKwh == null || purchases == null
                            || ledgerKwh.subtract(meterKwh).abs().compareTo(tolerance) > 0
                            || purchases != orders;
                    if (mismatch) {
                        findings.add(new Finding(day, meterId, rs.getString("address"), orders,
                                new Kwh(ledgerKwh), meterKwh == null ? null : new Kwh(meterKwh), purchases));
                    }
                });
        if (!covered.isEmpty()) {
            jdbc.update("DELETE FROM reconciliation_finding WHERE run_day = :day AND meter_id IN (:covered)",
                    new MapSqlParameterSource().addValue("day", Date.valueOf(day)).addValue("covered", covered));
        }
        for (Finding finding : findings) {
            jdbc.update("""
                    INSERT INTO reconciliation_finding (run_day, meter_id, confirmed_orders, ledger_kwh, meter_kwh,
                                                        meter_purchases, found_at)
                    VALUES (:day, :meter, :orders, :ledger, :meterKwh, :purchases, :at)""",
                    new MapSqlParameterSource(params.getValues()).addValue("meter", finding.meterId())
                            .addValue("orders", finding.confirmedOrders()).addValue("ledger", finding.ledgerKwh().value())
                            .addValue("meterKwh", finding.meterKwh() == null ? null : finding.meterKwh().value())
                            .addValue("purchases", finding.meterPurchases()));
        }
        audit.record(username, "PREPAID_RECONCILE", day.toString(),
                covered.size() + " meters, " + findings.size() + " findings");
        return List.copyOf(findings);
    }
}
