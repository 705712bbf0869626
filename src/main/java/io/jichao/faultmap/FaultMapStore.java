package io.jichao.faultmap;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.jichao.alarm.Severity;

/**
 * The fault map's SQL: its own tables (plans, collector positions) and read-only queries of the
 * archive and the {@code alarm} table. A subject's colour is the worst severity among its alarms
 * that are not cleared; a collector's includes the alarms of its serial ports.
 */
@Component
class FaultMapStore {

    /** Severity as a number (NORMAL 0, ALARM 1, FAULT 2; no row: NULL = 0), so SQL can take the worst. */
    private static final String RANK = "MAX(CASE a.severity WHEN 'FAULT' THEN 2 WHEN 'ALARM' THEN 1 ELSE 0 END)";
    private static final String METER_SEVERITY = "(SELECT " + RANK
            + " FROM alarm a WHERE a.meter_id = m.id AND a.state <> 'CLEARED')";
    private static final String COLLECTOR_SEVERITY = "(SELECT " + RANK
            + " FROM alarm a WHERE a.state <> 'CLEARED' AND (a.collector_id = c.id"
            + " OR a.serial_port_id IN (SELECT p.id FROM serial_port p WHERE p.collector_id = c.id)))";

    private final JdbcTemplate jdbc;

    FaultMapStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A meter of a floor with what the district check needs. */
    record MeterRow(MapSubject subject, long buildingId, Long boxId) {
    }

    Optional<Long> buildingOfFloor(long floorId) {
        return jdbc.query("SELECT building_id FROM floor WHERE id = ?", (rs, n) -> rs.getLong(1), floorId)
                .stream().findFirst();
    }

    Optional<FloorMap.Plan> plan(long floorId) {
        return jdbc.query("SELECT format, width, height, file_name, uploaded_at FROM floor_plan WHERE floor_id = ?",
                (rs, n) -> new FloorMap.Plan(PlanFormat.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()), floorId).stream().findFirst();
    }

    Optional<byte[]> planContent(long floorId) {
        return jdbc.query("SELECT content FROM floor_plan WHERE floor_id = ?", (rs, n) -> rs.getBytes(1), floorId)
                .stream().findFirst();
    }

    void savePlan(long floorId, PlanImage image, String fileName, Instant at, String by) {
        jdbc.update("""
                INSERT INTO floor_plan (floor_id, format, width, height, content, file_name, uploaded_at, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE format = VALUES(format), width = VALUES(width), height = VALUES(height),
                    content = VALUES(content), file_name = VALUES(file_name), uploaded_at = VALUES(uploaded_at),
                    uploaded_by = VALUES(uploaded_by)""",
                floorId, image.format().name(), image.width(), image.height(), image.content(), fileName,
                Timestamp.from(at), by);
    }

    /** The active meters of a floor, by address, with their places and colours. */
    List<MeterRow> meters(long floorId) {
        return jdbc.query("SELECT m.id, m.address, m.device_channel, h.room, m.plan_x, m.plan_y, m.building_id, m.box_id, "
                        + METER_SEVERITY + " FROM meter m LEFT JOIN household h ON h.id = m.household_id"
                        + " WHERE m.floor_id = ? AND m.state = 'ACTIVE' ORDER BY m.address, m.device_channel",
                (rs, n) -> new MeterRow(new MapSubject(PointKind.METER, rs.getLong(1), meterLabel(rs),
                        rs.getString(4), position(rs, 5), severity(rs, 9)), rs.getLong(7), nullableLong(rs, 8)),
                floorId);
    }

    /** Collectors of the building: those placed on this floor with their places, the others unplaced here. */
    List<MapSubject> collectors(long buildingId, long floorId) {
        return jdbc.query("SELECT c.id, c.name, p.floor_id, p.plan_x, p.plan_y, " + COLLECTOR_SEVERITY
                        + " FROM collector c LEFT JOIN collector_plan_position p ON p.collector_id = c.id"
                        + " WHERE c.building_id = ? ORDER BY c.name",
                (rs, n) -> {
                    boolean here = rs.getObject(3) != null && rs.getLong(3) == floorId;
                    return new MapSubject(PointKind.COLLECTOR, rs.getLong(1), rs.getString(2), null,
                            here ? position(rs, 4) : null, severity(rs, 6));
                }, buildingId);
    }

    Optional<Long> buildingOfCollector(long collectorId) {
        return jdbc.query("SELECT building_id FROM collector WHERE id = ?", (rs, n) -> rs.getLong(1), collectorId)
                .stream().findFirst();
    }

    void placeCollector(long collectorId, long floorId, PlanPosition position) {
        jdbc.update("""
                INSERT INTO collector_plan_position (collector_id, floor_id, plan_x, plan_y) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE floor_id = VALUES(floor_id), plan_x = VALUES(plan_x), plan_y = VALUES(plan_y)""",
                collectorId, floorId, position.x(), position.y());
    }

    void unplaceCollector(long collectorId) {
        jdbc.update("DELETE FROM collector_plan_position WHERE collector_id = ?", collectorId);
    }

    /** Where a meter's point is drawn and its colour now; empty for a meter on no floor. */
    Optional<Located> meterNow(long meterId) {
        return jdbc.query("SELECT m.floor_id, " + METER_SEVERITY + " FROM meter m WHERE m.id = ? AND m.floor_id IS NOT NULL",
                (rs, n) -> new Located(rs.getLong(1), severity(rs, 2)), meterId).stream().findFirst();
    }

    /** Where a collector's point is drawn and its colour now; empty for an unplaced collector. */
    Optional<Located> collectorNow(long collectorId) {
        return jdbc.query("SELECT p.floor_id, " + COLLECTOR_SEVERITY + " FROM collector c"
                        + " JOIN collector_plan_position p ON p.collector_id = c.id WHERE c.id = ?",
                (rs, n) -> new Located(rs.getLong(1), severity(rs, 2)), collectorId).stream().findFirst();
    }

    Optional<Long> collectorOfPort(long serialPortId) {
        return jdbc.query("SELECT collector_id FROM serial_port WHERE id = ?", (rs, n) -> rs.getLong(1), serialPortId)
                .stream().findFirst();
    }

    /** A subject's floor and current colour. */
    record Located(long floorId, Severity severity) {
    }

    private static String meterLabel(ResultSet rs) throws SQLException {
        Object channel = rs.getObject(3);
        return channel == null ? rs.getString(2) : rs.getString(2) + "#" + channel;
    }

    private static PlanPosition position(ResultSet rs, int column) throws SQLException {
        BigDecimal x = rs.getBigDecimal(column);
        BigDecimal y = rs.getBigDecimal(column + 1);
        return x == null || y == null ? null : new PlanPosition(x, y);
    }

    private static Severity severity(ResultSet rs, int column) throws SQLException {
        return switch (rs.getInt(column)) {
            case 2 -> Severity.FAULT;
            case 1 -> Severity.ALARM;
            default -> Severity.NORMAL;
        };
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
