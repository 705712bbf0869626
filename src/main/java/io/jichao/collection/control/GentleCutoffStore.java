package io.jichao.collection.control;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.collection.control.GentleCutoffPolicy.Credit;

/** Friendly hours ({@code friendly_hours}, {@code friendly_holiday}) and keep-power holds ({@code relay_hold}). */
final class GentleCutoffStore {

    private static final int ERROR_LENGTH = 300;

    private final JdbcTemplate jdbc;

    GentleCutoffStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    FriendlyHours hours() {
        Set<LocalDate> holidays = new HashSet<>(jdbc.query("select day from friendly_holiday",
                (rs, n) -> rs.getDate("day").toLocalDate()));
        return jdbc.queryForObject("select windows, weekends_allowed from friendly_hours where id = 1",
                (rs, n) -> new FriendlyHours(FriendlyHours.parseWindows(rs.getString("windows")),
                        rs.getBoolean("weekends_allowed"), holidays));
    }

    void save(FriendlyHours hours, String by, Instant at) {
        jdbc.update("update friendly_hours set windows = ?, weekends_allowed = ?, updated_by = ?, updated_at = ? "
                + "where id = 1", hours.windowsText(), hours.weekendsAllowed(), by, Timestamp.from(at));
        jdbc.update("delete from friendly_holiday");
        jdbc.batchUpdate("insert into friendly_holiday (day) values (?)",
                hours.holidays().stream().sorted().map(day -> new Object[] {Date.valueOf(day)}).toList());
    }

    /** Active prepaid 2007 meters not held, with their latest stored remaining energy. */
    List<Credit> unheldCredits() {
        return jdbc.query("""
                select m.id, m.alarm_level2_kwh,
                    (select r.value from reading r where r.meter_id = m.id and r.item = 'REMAINING_ENERGY'
                     order by r.read_at desc limit 1) as remaining
                from meter m
                where m.billing_mode = 'PREPAID' and m.state = 'ACTIVE' and m.protocol = 'DLT645_2007'
                    and not exists (select 1 from relay_hold h where h.meter_id = m.id)""",
                (rs, n) -> rs.getBigDecimal("remaining") == null ? null
                        : new Credit(rs.getLong("id"), rs.getBigDecimal("remaining"), rs.getBigDecimal("alarm_level2_kwh")))
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    void hold(Credit credit, FriendlyHours.Quiet quiet, Instant at) {
        jdbc.update("insert into relay_hold (meter_id, held_at, remaining_kwh, threshold_kwh, why) values (?, ?, ?, ?, ?)",
                credit.meterId(), Timestamp.from(at), credit.remainingKwh(), credit.thresholdKwh(), quiet.name());
    }

    void released(long meterId) {
        jdbc.update("delete from relay_hold where meter_id = ?", meterId);
    }

    void releaseFailed(long meterId, String error) {
        jdbc.update("update relay_hold set release_attempts = release_attempts + 1, last_error = ? where meter_id = ?",
                error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error, meterId);
    }

    /** Every hold with the meter's building and box, for the district filter. */
    List<HoldInBuilding> holds() {
        return jdbc.query("""
                select h.*, m.address, m.building_id, m.box_id from relay_hold h join meter m on m.id = h.meter_id
                order by h.held_at, m.address""", GentleCutoffStore::hold);
    }

    record HoldInBuilding(long buildingId, Long boxId, HeldMeter held) {
    }

    private static HoldInBuilding hold(ResultSet rs, int rowNum) throws SQLException {
        return new HoldInBuilding(rs.getLong("building_id"), rs.getObject("box_id", Long.class),
                new HeldMeter(rs.getLong("meter_id"), rs.getString("address"), rs.getTimestamp("held_at").toInstant(),
                        rs.getBigDecimal("remaining_kwh"), rs.getBigDecimal("threshold_kwh"),
                        FriendlyHours.Quiet.valueOf(rs.getString("why")), rs.getInt("release_attempts"),
                        rs.getString("last_error")));
    }
}
