package io.jichao.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.jichao.security.DistrictScope;
import io.jichao.security.DistrictSql;
import io.jichao.shared.DomainException;

/**
 * The meters a report adds up, as an SQL condition on {@code meter m}: the target group, the
 * operator's district, electricity meters only (water meters have no kWh), and meters that were
 * still in service at the start of the period (a meter removed later counts until its removal).
 * A group outside the district is refused as "not found", like a meter.
 */
final class ReportScope {

    /** A meter of the scope: its CT × PT multiplier and when it was removed, if it was. */
    record ScopedMeter(long id, int factor, Instant removedAt) {
    }

    private final String condition;
    private final MapSqlParameterSource params;
    private final String name;

    private ReportScope(String condition, MapSqlParameterSource params, String name) {
        this.condition = condition;
        this.params = params;
        this.name = name;
    }

    /** The condition on {@code meter m}; its parameters are in {@link #params()}. */
    String condition() {
        return condition;
    }

    MapSqlParameterSource params() {
        return params;
    }

    /** The target's name as the archive shows it; null for the district. */
    String name() {
        return name;
    }

    static ReportScope resolve(NamedParameterJdbcTemplate jdbc, DistrictScope district, ReportLevel level, Long target,
                               Instant periodStart) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("target", target)
                .addValue("periodStart", Timestamp.from(periodStart));
        String base = "m.protocol <> 'MODBUS_RTU' AND (m.state = 'ACTIVE' OR m.removed_at > :periodStart)"
                + DistrictSql.meterFilter(district, params);
        String name;
        String group;
        switch (level) {
            case METER -> {
                group = "m.id = :target";
                name = name(jdbc, "SELECT CONCAT(m.address, COALESCE(CONCAT(' ', h.room, ' ', h.name), '')) FROM meter m"
                        + " LEFT JOIN household h ON h.id = m.household_id WHERE m.id = :target AND " + base, params);
            }
            case HOUSEHOLD -> {
                group = "m.household_id = :target";
                name = name(jdbc, "SELECT CONCAT(b.code, ' ', h.room, ' ', h.name) FROM household h"
                        + " JOIN building b ON b.id = h.building_id WHERE h.id = :target AND EXISTS"
                        + " (SELECT 1 FROM meter m WHERE m.household_id = h.id AND " + base + ")", params);
            }
            case BOX -> {
                group = "m.box_id = :target";
                var box = one(jdbc, "SELECT x.building_id, CONCAT(b.code, ' ', x.code, ' ', x.name) FROM distribution_box x"
                        + " JOIN building b ON b.id = x.building_id WHERE x.id = :target", params);
                if (!district.covers(box.building(), target)) {
                    throw notFound();
                }
                name = box.name();
            }
            case FLOOR -> {
                group = "(m.floor_id = :target OR m.box_id IN (SELECT x.id FROM distribution_box x WHERE x.floor_id = :target))";
                var floor = one(jdbc, "SELECT f.building_id, CONCAT(b.code, ' ', f.name) FROM floor f"
                        + " JOIN building b ON b.id = f.building_id WHERE f.id = :target", params);
                if (!district.coversWholeBuilding(floor.building())) {
                    throw notFound();
                }
                name = floor.name();
            }
            case BUILDING -> {
                group = "m.building_id = :target";
                var building = one(jdbc, "SELECT b.id, CONCAT(b.code, ' ', b.name) FROM building b WHERE b.id = :target",
                        params);
                if (!district.coversWholeBuilding(building.building())) {
                    throw notFound();
                }
                name = building.name();
            }
            case DISTRICT -> {
                group = "1 = 1";
                name = null;
            }
            default -> throw new IllegalStateException(level.name());
        }
        return new ReportScope(group + " AND " + base, params, name);
    }

    List<ScopedMeter> meters(NamedParameterJdbcTemplate jdbc) {
        List<ScopedMeter> meters = new ArrayList<>();
        jdbc.query("SELECT m.id, m.ct_ratio * m.pt_ratio, m.removed_at FROM meter m WHERE " + condition, params, row -> {
            Timestamp removed = row.getTimestamp(3);
            meters.add(new ScopedMeter(row.getLong(1), row.getInt(2), removed == null ? null : removed.toInstant()));
        });
        return meters;
    }


    static DomainException notFound() {
        return new DomainException("error.report.target.not.found");
    }

    private static String name(NamedParameterJdbcTemplate jdbc, String sql, MapSqlParameterSource params) {
        List<String> names = jdbc.queryForList(sql, params, String.class);
        if (names.isEmpty()) {
            throw notFound();
        }
        return names.getFirst();
    }

    private record Group(long building, String name) {
    }

    private static Group one(NamedParameterJdbcTemplate jdbc, String sql, MapSqlParameterSource params) {
        try {
            return jdbc.queryForObject(sql, params, (row, n) -> new Group(row.getLong(1), row.getString(2)));
        } catch (EmptyResultDataAccessException absent) {
            throw notFound();
        }
    }
}
