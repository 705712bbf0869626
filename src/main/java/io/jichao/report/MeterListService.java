package io.jichao.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.report.MeterLists.DailyUsage;
import io.jichao.report.MeterLists.DailyUsageReport;
import io.jichao.report.MeterLists.LowRemaining;
import io.jichao.report.MeterLists.LowRemainingReport;
import io.jichao.report.MeterLists.MeterPlace;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictSql;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * The daily usage report (R8: every electricity meter of the district with its day's energy and its
 * latest remaining energy) and the low-remaining-energy list (R21: meters whose latest remaining
 * energy reading is below a chosen threshold, or below their own alarm level 1). VIEW_ARCHIVE and the
 * operator's district. The remaining energy is the meter's own register (no CT/PT).
 */
@Service
public class MeterListService {

    private static final String LATEST_REMAINING = """
            (SELECT r.%1$s FROM reading r WHERE r.meter_id = m.id AND r.item = 'REMAINING_ENERGY'
               AND r.read_at < :until ORDER BY r.read_at DESC LIMIT 1)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final EnergySql sql;
    private final CurrentOperator currentOperator;
    private final Clock clock;

    MeterListService(NamedParameterJdbcTemplate jdbc, CurrentOperator currentOperator, Clock clock) {
        this.jdbc = jdbc;
        this.sql = new EnergySql(jdbc);
        this.currentOperator = currentOperator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DailyUsageReport dailyUsage(LocalDate day) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        Instant start = EnergyReportService.startOf(day);
        Instant end = EnergyReportService.startOf(day.plusDays(1));
        ReportScope scope = ReportScope.resolve(jdbc, operator.district(), ReportLevel.DISTRICT, null, start);
        Map<Long, EnergySql.Sum> usage = sql.dailyPerMeter(scope, day, day);
        boolean due = !end.isAfter(clock.instant());
        MapSqlParameterSource params = new MapSqlParameterSource(scope.params().getValues())
                .addValue("until", Timestamp.from(end));
        List<DailyUsage> rows = new ArrayList<>();
        EnergyFigure[] total = {new EnergyFigure(Optional.empty(), 0, 0)};
        jdbc.query("SELECT m.id, m.address, b.code, h.room, h.name, m.removed_at, "
                + LATEST_REMAINING.formatted("value") + ", " + LATEST_REMAINING.formatted("read_at")
                + " FROM meter m JOIN building b ON b.id = m.building_id LEFT JOIN household h ON h.id = m.household_id"
                + " WHERE " + scope.condition() + " ORDER BY b.code, h.room, m.address", params, row -> {
            Timestamp removed = row.getTimestamp(6);
            boolean expected = due && (removed == null || removed.toInstant().isAfter(start));
            EnergySql.Sum sum = usage.getOrDefault(row.getLong(1), EnergySql.Sum.NONE);
            EnergyFigure figure = EnergyFigure.of(sum.kwh(), sum.intervals(), expected ? 1 : 0);
            total[0] = total[0].plus(figure);
            rows.add(new DailyUsage(place(row), figure, row.getBigDecimal(7), instant(row.getTimestamp(8))));
        });
        return new DailyUsageReport(day, rows, total[0]);
    }

    /** {@code threshold} null: each meter's alarm level 1 (meters without one are left out). */
    @Transactional(readOnly = true)
    public LowRemainingReport lowRemaining(BigDecimal threshold) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        if (threshold != null && threshold.signum() < 0) {
            throw new DomainException("error.report.threshold.negative");
        }
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("until", Timestamp.from(now.plusMillis(1)))
                .addValue("threshold", threshold);
        String district = DistrictSql.meterFilter(operator.district(), params);
        String limit = threshold == null ? "m.alarm_level1_kwh" : ":threshold";
        List<LowRemaining> rows = jdbc.query("""
                SELECT * FROM (
                  SELECT m.id, m.address, b.code, h.room, h.name,
                         (SELECT p.phone FROM household_phone p WHERE p.household_id = h.id ORDER BY p.position LIMIT 1) AS phone,
                         %2$s AS remaining, %3$s AS read_at, %1$s AS threshold
                    FROM meter m JOIN building b ON b.id = m.building_id LEFT JOIN household h ON h.id = m.household_id
                   WHERE m.state = 'ACTIVE' AND m.protocol <> 'MODBUS_RTU' %4$s) x
                 WHERE x.remaining IS NOT NULL AND x.threshold IS NOT NULL AND x.remaining < x.threshold
                 ORDER BY x.remaining, x.code, x.address""".formatted(limit, LATEST_REMAINING.formatted("value"),
                        LATEST_REMAINING.formatted("read_at"), district), params,
                (row, n) -> new LowRemaining(place(row), row.getString(6), row.getBigDecimal(7),
                        row.getBigDecimal(9), instant(row.getTimestamp(8))));
        return new LowRemainingReport(now, threshold, rows);
    }

    private static MeterPlace place(ResultSet row) throws SQLException {
        return new MeterPlace(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
