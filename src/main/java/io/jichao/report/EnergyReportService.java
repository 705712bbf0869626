package io.jichao.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.DistrictSql;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.TimeConfiguration;

/**
 * Energy per meter, household, box, floor, building or the whole district, by hour, day, month or
 * year (R8). Needs VIEW_ARCHIVE; the target must lie in the operator's district. One statement over
 * {@code energy_hourly} or {@code energy_daily} per report ({@link EnergySql}); months and years are
 * sums of their Shanghai days. A meter-interval is expected when it has ended (by the injected clock)
 * and its meter was not removed before it began; every expected interval without a usage counts as
 * missing in its row and in the total.
 */
@Service
public class EnergyReportService {

    static final ZoneId ZONE = TimeConfiguration.DISPLAY_ZONE;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy");

    private final NamedParameterJdbcTemplate jdbc;
    private final EnergySql sql;
    private final CurrentOperator currentOperator;
    private final Clock clock;

    EnergyReportService(NamedParameterJdbcTemplate jdbc, CurrentOperator currentOperator, Clock clock) {
        this.jdbc = jdbc;
        this.sql = new EnergySql(jdbc);
        this.currentOperator = currentOperator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EnergyReport report(EnergyQuery query) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        Instant start = startOf(query.from());
        Instant end = startOf(query.to().plusDays(1));
        ReportScope scope = ReportScope.resolve(jdbc, operator.district(), query.level(), query.targetId(), start);
        List<ReportScope.ScopedMeter> meters = scope.meters(jdbc);
        Instant now = clock.instant();

        // Base intervals (hours or days) in order, each with its known sum and bucket.
        Map<Instant, Bucket> buckets = new LinkedHashMap<>();
        if (query.granularity() == Granularity.HOUR) {
            Map<Instant, EnergySql.Sum> sums = sql.hourly(scope, start, end);
            for (Instant hour = start; hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
                Instant next = hour.plus(1, ChronoUnit.HOURS);
                buckets.computeIfAbsent(hour, h -> new Bucket(h, next, HOUR.format(h.atZone(ZONE))))
                        .add(sums.getOrDefault(hour, EnergySql.Sum.NONE), expected(meters, hour, next, now));
            }
        } else {
            Map<LocalDate, EnergySql.Sum> sums = sql.daily(scope, query.from(), query.to());
            for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
                LocalDate first = bucketStart(query.granularity(), day);
                Instant bucketStart = startOf(first);
                Instant dayStart = startOf(day);
                Instant dayEnd = startOf(day.plusDays(1));
                buckets.computeIfAbsent(bucketStart, b -> new Bucket(b, startOf(bucketEnd(query.granularity(), first)),
                                label(query.granularity(), first)))
                        .add(sums.getOrDefault(day, EnergySql.Sum.NONE), expected(meters, dayStart, dayEnd, now));
            }
        }
        List<EnergyReport.Row> rows = new ArrayList<>();
        BigDecimal totalKwh = BigDecimal.ZERO;
        int totalFound = 0;
        int totalExpected = 0;
        for (Bucket bucket : buckets.values()) {
            rows.add(new EnergyReport.Row(bucket.start, bucket.end, bucket.label,
                    EnergyFigure.of(bucket.kwh, bucket.found, bucket.expected)));
            totalKwh = totalKwh.add(bucket.kwh);
            totalFound += bucket.found;
            totalExpected += bucket.expected;
        }
        return new EnergyReport(query, scope.name(), meters.size(), rows, EnergyFigure.of(totalKwh, totalFound, totalExpected));
    }

    /** The report over both periods, side by side (same target and granularity). */
    @Transactional(readOnly = true)
    public EnergyComparison compare(EnergyQuery first, LocalDate secondFrom, LocalDate secondTo) {
        return EnergyComparison.of(report(first), report(first.over(secondFrom, secondTo)));
    }

    /** Targets of a level inside the district whose name contains {@code filter}, by name, one page. */
    @Transactional(readOnly = true)
    public List<ReportTarget> targets(ReportLevel level, String filter, int offset, int limit) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        DistrictScope district = operator.district();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("filter", "%" + (filter == null ? "" : filter.strip()) + "%")
                .addValue("offset", offset).addValue("limit", Math.min(limit, 500));
        String meters = "m.state = 'ACTIVE' AND m.protocol <> 'MODBUS_RTU'" + DistrictSql.meterFilter(district, params);
        String wholeBuildings = district.wholeSite() ? "1 = 1"
                : district.buildingIds().isEmpty() ? "1 = 0" : "b.id IN (:districtBuildings)";
        String boxes = district.wholeSite() ? "1 = 1" : "(" + wholeBuildings
                + (district.boxIds().isEmpty() ? "" : " OR x.id IN (:districtBoxes)") + ")";
        String sql = switch (level) {
            case METER -> "SELECT m.id, CONCAT_WS(' ', m.address, b.code, h.room, h.name) AS label FROM meter m"
                    + " JOIN building b ON b.id = m.building_id LEFT JOIN household h ON h.id = m.household_id WHERE " + meters;
            case HOUSEHOLD -> "SELECT DISTINCT h.id, CONCAT_WS(' ', b.code, h.room, h.name) AS label FROM household h"
                    + " JOIN building b ON b.id = h.building_id JOIN meter m ON m.household_id = h.id WHERE " + meters;
            case BOX -> "SELECT x.id, CONCAT_WS(' ', b.code, x.code, x.name) AS label FROM distribution_box x"
                    + " JOIN building b ON b.id = x.building_id WHERE " + boxes;
            case FLOOR -> "SELECT f.id, CONCAT_WS(' ', b.code, f.name) AS label FROM floor f"
                    + " JOIN building b ON b.id = f.building_id WHERE " + wholeBuildings;
            case BUILDING -> "SELECT b.id, CONCAT_WS(' ', b.code, b.name) AS label FROM building b WHERE " + wholeBuildings;
            case DISTRICT -> null;
        };
        if (sql == null) {
            return List.of();
        }
        if (!district.wholeSite() && !district.buildingIds().isEmpty()) {
            params.addValue("districtBuildings", district.buildingIds());
        }
        if (!district.wholeSite() && !district.boxIds().isEmpty()) {
            params.addValue("districtBoxes", district.boxIds());
        }
        return jdbc.query("SELECT * FROM (" + sql + ") t WHERE t.label LIKE :filter ORDER BY t.label LIMIT :limit OFFSET :offset",
                params, (row, n) -> new ReportTarget(row.getLong(1), row.getString(2)));
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    private static int expected(List<ReportScope.ScopedMeter> meters, Instant start, Instant end, Instant now) {
        if (end.isAfter(now)) {
            return 0;
        }
        int expected = 0;
        for (ReportScope.ScopedMeter meter : meters) {
            if (meter.removedAt() == null || meter.removedAt().isAfter(start)) {
                expected++;
            }
        }
        return expected;
    }

    private static LocalDate bucketStart(Granularity granularity, LocalDate day) {
        return switch (granularity) {
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
            default -> day;
        };
    }

    private static LocalDate bucketEnd(Granularity granularity, LocalDate first) {
        return switch (granularity) {
            case MONTH -> first.plusMonths(1);
            case YEAR -> first.plusYears(1);
            default -> first.plusDays(1);
        };
    }

    private static String label(Granularity granularity, LocalDate first) {
        ZonedDateTime at = first.atStartOfDay(ZONE);
        return switch (granularity) {
            case MONTH -> MONTH.format(at);
            case YEAR -> YEAR.format(at);
            default -> DAY.format(at);
        };
    }

    private static final class Bucket {
        private final Instant start;
        private final Instant end;
        private final String label;
        private BigDecimal kwh = BigDecimal.ZERO;
        private int found;
        private int expected;

        Bucket(Instant start, Instant end, String label) {
            this.start = start;
            this.end = end;
            this.label = label;
        }

        void add(EnergySql.Sum sum, int expectedIntervals) {
            kwh = kwh.add(sum.kwh());
            found += sum.intervals();
            expected += expectedIntervals;
        }
    }
}
