package io.jichao.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.MeterService;
import io.jichao.audit.AuditTrail;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.TariffCalculator;
import io.jichao.prepaid.TariffService;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictSql;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * The meter hierarchy ({@code meter.parent_meter_id}) and its line loss (R14). Reading needs
 * VIEW_ARCHIVE, changing a parent EDIT_METERS; both meters must be in the operator's district
 * ({@link MeterService#get}), a meter cannot feed itself or one of its ancestors, and every change
 * is audited ({@code METER_PARENT}).
 *
 * <p>Per parent meter and period: the parent's energy, the sum of its direct children's, the loss
 * (parent − children) in kWh and percent of the parent, and the loss in money at the parent meter's
 * flat-equivalent price in force on the last day of the period ({@link TariffCalculator#rechargePrice}
 * with no month-to-date: the flat price, the time-of-use reference price, or a stepped tariff's first
 * block). A node whose parent or any child misses a day is incomplete: it shows the known sums and
 * the missing count, never a loss computed as if the missing energy were zero.
 */
@Service
public class LineLossService {

    private static final int MAX_DEPTH = 64;

    private final NamedParameterJdbcTemplate jdbc;
    private final EnergySql sql;
    private final CurrentOperator currentOperator;
    private final MeterService meters;
    private final TariffService tariffs;
    private final AuditTrail audit;
    private final Clock clock;

    LineLossService(NamedParameterJdbcTemplate jdbc, CurrentOperator currentOperator, MeterService meters,
                    TariffService tariffs, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.sql = new EnergySql(jdbc);
        this.currentOperator = currentOperator;
        this.meters = meters;
        this.tariffs = tariffs;
        this.audit = audit;
        this.clock = clock;
    }

    /** Active electricity meters of the district with their parents, by building and address. */
    @Transactional(readOnly = true)
    public List<HierarchyNode> hierarchy() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.query("""
                SELECT m.id, m.address, b.code, h.room, h.name, m.parent_meter_id FROM meter m
                  JOIN building b ON b.id = m.building_id
                  LEFT JOIN household h ON h.id = m.household_id
                 WHERE m.state = 'ACTIVE' AND m.protocol <> 'MODBUS_RTU'"""
                + DistrictSql.meterFilter(operator.district(), params) + " ORDER BY b.code, m.address", params,
                (row, n) -> node(row));
    }

    /** Makes {@code parentId} feed {@code meterId}; null makes the meter a root. */
    @Transactional
    public void setParent(long meterId, Long parentId) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.EDIT_METERS);
        meters.get(meterId);
        if (parentId != null) {
            if (parentId == meterId) {
                throw new DomainException("error.hierarchy.cycle");
            }
            meters.get(parentId);
            Long ancestor = parentId;
            for (int depth = 0; ancestor != null; depth++) {
                if (ancestor == meterId || depth > MAX_DEPTH) {
                    throw new DomainException("error.hierarchy.cycle");
                }
                ancestor = parentOf(ancestor);
            }
        }
        jdbc.update("UPDATE meter SET parent_meter_id = :parent, version = version + 1 WHERE id = :meter",
                new MapSqlParameterSource("parent", parentId).addValue("meter", meterId));
        audit.record(operator.username(), "METER_PARENT", "meter " + meterId,
                parentId == null ? "parent removed" : "parent meter " + parentId);
    }

    @Transactional(readOnly = true)
    public LineLossReport report(LocalDate from, LocalDate to) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        // Reuses the energy query's range rules: at most as many days as a daily report.
        EnergyQuery range = new EnergyQuery(ReportLevel.DISTRICT, null, Granularity.DAY, from, to);
        Instant start = EnergyReportService.startOf(range.from());
        ReportScope district = ReportScope.resolve(jdbc, operator.district(), ReportLevel.DISTRICT, null, start);
        List<HierarchyNode> all = hierarchy();
        Map<Long, HierarchyNode> byId = new HashMap<>();
        Map<Long, List<Long>> children = new HashMap<>();
        for (HierarchyNode node : all) {
            byId.put(node.meterId(), node);
        }
        for (HierarchyNode node : all) {
            if (node.parentId() != null && byId.containsKey(node.parentId())) {
                children.computeIfAbsent(node.parentId(), p -> new ArrayList<>()).add(node.meterId());
            }
        }
        Map<Long, EnergySql.Sum> usage = sql.dailyPerMeter(district, range.from(), range.to());
        Map<Long, Integer> expected = expectedDays(district, range.from(), range.to());
        List<LineLossReport.Node> nodes = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> entry : children.entrySet()) {
            long parentId = entry.getKey();
            EnergyFigure parent = figure(usage, expected, parentId);
            EnergyFigure sum = new EnergyFigure(Optional.of(Kwh.ZERO), 0, 0);
            for (long child : entry.getValue()) {
                EnergyFigure figure = figure(usage, expected, child);
                sum = sum.plus(figure.known().isPresent() ? figure
                        : new EnergyFigure(Optional.empty(), figure.expected(), Math.max(1, figure.missing())));
            }
            nodes.add(node(byId.get(parentId), entry.getValue().size(), parent, sum, range.to()));
        }
        nodes.sort(Comparator.comparing((LineLossReport.Node n) -> !n.complete())
                .thenComparing(n -> n.percent().orElse(null), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(n -> n.meter().address()));
        return new LineLossReport(range.from(), range.to(), nodes);
    }

    private LineLossReport.Node node(HierarchyNode meter, int childCount, EnergyFigure parent, EnergyFigure children,
                                     LocalDate lastDay) {
        if (!parent.complete() || children.missing() > 0 || children.known().isEmpty()) {
            return new LineLossReport.Node(meter, childCount, parent, children, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        Kwh loss = parent.known().orElseThrow().minus(children.known().orElseThrow());
        BigDecimal parentKwh = parent.known().orElseThrow().value();
        Optional<BigDecimal> percent = parentKwh.signum() == 0 ? Optional.empty()
                : Optional.of(loss.value().multiply(BigDecimal.valueOf(100)).divide(parentKwh, 2, RoundingMode.HALF_UP));
        Optional<Money> money = price(meter.meterId(), lastDay).map(p -> Money.rounded(p.exactCostOf(loss.value())));
        return new LineLossReport.Node(meter, childCount, parent, children, Optional.of(loss), percent, money);
    }

    private Optional<PricePerKwh> price(long meterId, LocalDate day) {
        try {
            return Optional.of(TariffCalculator.rechargePrice(tariffs.inForce(meterId, day).plan(), Kwh.ZERO));
        } catch (DomainException noTariff) {
            return Optional.empty();
        }
    }

    private static EnergyFigure figure(Map<Long, EnergySql.Sum> usage, Map<Long, Integer> expected, long meterId) {
        EnergySql.Sum sum = usage.getOrDefault(meterId, EnergySql.Sum.NONE);
        return EnergyFigure.of(sum.kwh(), sum.intervals(), expected.getOrDefault(meterId, 0));
    }

    /** Days of [from, to] that have ended by now, per meter (a removed meter: only before its removal). */
    private Map<Long, Integer> expectedDays(ReportScope scope, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        Map<Long, Integer> expected = new HashMap<>();
        for (ReportScope.ScopedMeter meter : scope.meters(jdbc)) {
            int days = 0;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Instant dayStart = EnergyReportService.startOf(day);
                if (!EnergyReportService.startOf(day.plusDays(1)).isAfter(now)
                        && (meter.removedAt() == null || meter.removedAt().isAfter(dayStart))) {
                    days++;
                }
            }
            expected.put(meter.id(), days);
        }
        return expected;
    }

    private Long parentOf(long meterId) {
        List<Long> parents = jdbc.queryForList("SELECT parent_meter_id FROM meter WHERE id = :id",
                new MapSqlParameterSource("id", meterId), Long.class);
        return parents.isEmpty() ? null : parents.getFirst();
    }

    private static HierarchyNode node(java.sql.ResultSet row) throws java.sql.SQLException {
        long parent = row.getLong(6);
        Long parentId = row.wasNull() ? null : parent;
        return new HierarchyNode(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), parentId);
    }
}
