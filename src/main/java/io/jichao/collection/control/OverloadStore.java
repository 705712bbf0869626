package io.jichao.collection.control;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code meter_overload_setting} table. The job's updates name the request they work on
 * ({@code requested_at}), so a setting changed while its previous values are on the bus is
 * not marked verified or failed with the old values.
 */
final class OverloadStore {

    private static final String SELECT = """
            select m.id as meter, m.address, s.* from meter m
            left join meter_overload_setting s on s.meter_id = m.id
            """;
    private static final int ERROR_LENGTH = 300;

    private final JdbcTemplate jdbc;

    OverloadStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void request(long meterId, BigDecimal maxPower, BigDecimal suddenPower, String by, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.update("""
                insert into meter_overload_setting (meter_id, desired_max_power_kw, desired_sudden_power_kw, state,
                    attempts, next_attempt_at, requested_by, requested_at)
                values (?, ?, ?, 'PENDING', 0, ?, ?, ?)
                on duplicate key update desired_max_power_kw = values(desired_max_power_kw),
                    desired_sudden_power_kw = values(desired_sudden_power_kw), state = 'PENDING', attempts = 0,
                    last_error = null, next_attempt_at = values(next_attempt_at), requested_by = values(requested_by),
                    requested_at = values(requested_at), finished_at = null""",
                meterId, maxPower, suddenPower, now, by, now);
    }

    /** PENDING and WRITTEN settings whose next attempt is due, oldest first. */
    List<OverloadSetting> due(Instant now, int limit) {
        return jdbc.query(SELECT + """
                where s.state in ('PENDING', 'WRITTEN') and s.next_attempt_at <= ?
                order by s.next_attempt_at limit ?""", OverloadStore::row, Timestamp.from(now), limit);
    }

    Optional<OverloadSetting> find(long meterId) {
        return jdbc.query(SELECT + " where m.id = ?", OverloadStore::row, meterId).stream().findFirst();
    }

    /** Active meters of a building with their settings, by address. */
    List<MeterInBuilding> building(long buildingId) {
        return jdbc.query(SELECT.replace("m.address,", "m.address, m.box_id as box, m.protocol as protocol,") + """
                where m.building_id = ? and m.state = 'ACTIVE' order by m.address""",
                (rs, n) -> new MeterInBuilding(rs.getObject("box", Long.class), rs.getString("protocol"), row(rs, n)),
                buildingId);
    }

    record MeterInBuilding(Long boxId, String protocol, OverloadSetting setting) {
    }

    void written(OverloadSetting request, BigDecimal maxPower, BigDecimal suddenPower) {
        jdbc.update("""
                update meter_overload_setting set state = 'WRITTEN', written_max_power_kw = ?,
                    written_sudden_power_kw = ? where meter_id = ? and requested_at = ?""",
                maxPower, suddenPower, request.meterId(), Timestamp.from(request.requestedAt()));
    }

    void verified(OverloadSetting request, BigDecimal maxPower, BigDecimal suddenPower, Instant at) {
        jdbc.update("""
                update meter_overload_setting set state = 'VERIFIED', verified_max_power_kw = ?,
                    verified_sudden_power_kw = ?, attempts = attempts + 1, last_error = null, finished_at = ?
                where meter_id = ? and requested_at = ?""",
                maxPower, suddenPower, Timestamp.from(at), request.meterId(), Timestamp.from(request.requestedAt()));
    }

    /** One more failed attempt: tried again at {@code next}, or FAILED when {@code last}. */
    void failed(OverloadSetting request, String error, Instant next, boolean last, Instant at) {
        jdbc.update("""
                update meter_overload_setting set attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                    state = case when ? then 'FAILED' else state end, finished_at = case when ? then ? else null end
                where meter_id = ? and requested_at = ?""",
                error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error, Timestamp.from(next), last,
                last, Timestamp.from(at), request.meterId(), Timestamp.from(request.requestedAt()));
    }

    private static OverloadSetting row(ResultSet rs, int rowNum) throws SQLException {
        String state = rs.getString("state");
        return new OverloadSetting(rs.getLong("meter"), rs.getString("address"),
                rs.getBigDecimal("desired_max_power_kw"), rs.getBigDecimal("desired_sudden_power_kw"),
                rs.getBigDecimal("written_max_power_kw"), rs.getBigDecimal("written_sudden_power_kw"),
                rs.getBigDecimal("verified_max_power_kw"), rs.getBigDecimal("verified_sudden_power_kw"),
                state == null ? null : OverloadState.valueOf(state), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("requested_by"), instant(rs, "requested_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
