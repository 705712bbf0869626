package io.jichao.faultmap;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.jichao.alarm.AlarmChanged;
import io.jichao.alarm.AlarmState;
import io.jichao.alarm.Severity;

/**
 * Alarm rows written with SQL and announced with {@link AlarmChanged}, the way the alarm service
 * does it; floors and meters of the demo park; and the clean-up of what a test changed.
 */
public final class FaultMapFixtures {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<Long> alarms = new ArrayList<>();
    private final List<Long> plannedFloors = new ArrayList<>();

    public FaultMapFixtures(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public long floor(String buildingCode, int level) {
        return jdbc.queryForObject("SELECT f.id FROM floor f JOIN building b ON b.id = f.building_id"
                + " WHERE b.code = ? AND f.level = ?", Long.class, buildingCode, level);
    }

    /** The floor's ordinary (household) meters in address order. */
    public List<Long> householdMeters(long floorId) {
        return jdbc.queryForList("SELECT id FROM meter WHERE floor_id = ? AND household_id IS NOT NULL"
                + " AND state = 'ACTIVE' ORDER BY address, device_channel", Long.class, floorId);
    }

    public long collectorOf(String buildingCode) {
        return jdbc.queryForObject("SELECT c.id FROM collector c JOIN building b ON b.id = c.building_id"
                + " WHERE b.code = ? ORDER BY c.simulated DESC, c.id LIMIT 1", Long.class, buildingCode);
    }

    public long firstPortOf(long collectorId) {
        return jdbc.queryForObject("SELECT MIN(id) FROM serial_port WHERE collector_id = ?", Long.class, collectorId);
    }

    /** Raises an alarm on a meter; the event is published on the calling thread. */
    public long raiseOnMeter(long meterId, Severity severity) {
        long id = insert("meter", meterId, severity);
        events.publishEvent(new AlarmChanged(id, "TEST", severity, AlarmState.RAISED, meterId, null, null));
        return id;
    }

    public long raiseOnPort(long portId, Severity severity) {
        long id = insert("serial_port", portId, severity);
        events.publishEvent(new AlarmChanged(id, "TEST", severity, AlarmState.RAISED, null, portId, null));
        return id;
    }

    /** Inserts the row only, as if the event had not arrived yet. */
    public long insert(String subject, long subjectId, Severity severity) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO alarm (kind, severity, state, " + subject
                    + "_id, active_key, raised_at, last_seen_at) VALUES ('TEST', ?, 'RAISED', ?, ?, ?, ?)",
                    new String[] {"id"});
            statement.setString(1, severity.name());
            statement.setLong(2, subjectId);
            statement.setString(3, "TEST_" + severity + ":" + subject + ":" + subjectId);
            statement.setTimestamp(4, now);
            statement.setTimestamp(5, now);
            return statement;
        }, key);
        long id = key.getKey().longValue();
        alarms.add(id);
        return id;
    }

    public void clear(long alarmId, Long meterId, Long portId) {
        jdbc.update("UPDATE alarm SET state = 'CLEARED', active_key = NULL, cleared_at = ? WHERE id = ?",
                Timestamp.from(clock.instant()), alarmId);
        String severity = jdbc.queryForObject("SELECT severity FROM alarm WHERE id = ?", String.class, alarmId);
        events.publishEvent(new AlarmChanged(alarmId, "TEST", Severity.valueOf(severity), AlarmState.CLEARED,
                meterId, portId, null));
    }

    /** Remembers a floor whose plan and places the test set, for {@link #cleanUp}. */
    public void planned(long floorId) {
        plannedFloors.add(floorId);
    }

    /**
     * Deletes every alarm of the floor's meters and of its building's collector and ports, so alarms
     * other tests of the shared context left behind (the real rules raise them) cannot colour it.
     */
    public void withoutAlarms(long floorId) {
        jdbc.update("DELETE FROM alarm WHERE meter_id IN (SELECT id FROM meter WHERE floor_id = ?)", floorId);
        jdbc.update("DELETE FROM alarm WHERE collector_id IN (SELECT c.id FROM collector c JOIN floor f"
                + " ON f.building_id = c.building_id WHERE f.id = ?)", floorId);
        jdbc.update("DELETE FROM alarm WHERE serial_port_id IN (SELECT p.id FROM serial_port p JOIN collector c"
                + " ON c.id = p.collector_id JOIN floor f ON f.building_id = c.building_id WHERE f.id = ?)", floorId);
    }

    public void cleanUp() {
        alarms.forEach(id -> jdbc.update("DELETE FROM alarm WHERE id = ?", id));
        alarms.clear();
        for (long floorId : plannedFloors) {
            jdbc.update("UPDATE meter SET plan_x = NULL, plan_y = NULL WHERE floor_id = ?", floorId);
            jdbc.update("DELETE FROM collector_plan_position WHERE floor_id = ?", floorId);
            jdbc.update("DELETE FROM floor_plan WHERE floor_id = ?", floorId);
        }
        plannedFloors.clear();
    }
}
