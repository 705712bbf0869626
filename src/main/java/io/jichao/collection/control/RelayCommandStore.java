package io.jichao.collection.control;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.collection.control.RelayOutcome.Verdict;

/** The {@code relay_command} table: each finished command with its read-back. */
final class RelayCommandStore {

    private static final int DETAIL_LENGTH = 500;

    private final JdbcTemplate jdbc;

    RelayCommandStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long meterId, RelayReason reason, String requestedBy, Instant requestedAt, Instant finishedAt,
                RelayOutcome outcome) {
        String detail = outcome.detail();
        jdbc.update("""
                insert into relay_command (meter_id, command, reason, requested_by, requested_at, finished_at,
                    expected_open, observed_open, keep_power, attempts, outcome, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                meterId, outcome.command().name(), reason.name(), requestedBy, Timestamp.from(requestedAt),
                Timestamp.from(finishedAt), outcome.expectedOpen(), outcome.observedOpen(), outcome.keepPower(),
                outcome.attempts(), outcome.verdict().name(),
                detail.length() > DETAIL_LENGTH ? detail.substring(0, DETAIL_LENGTH) : detail);
    }

    List<RelayCommandRecord> recent(long meterId, int limit) {
        return jdbc.query("select * from relay_command where meter_id = ? order by id desc limit ?",
                RelayCommandStore::row, meterId, limit);
    }

    private static RelayCommandRecord row(ResultSet rs, int rowNum) throws SQLException {
        return new RelayCommandRecord(rs.getLong("id"), rs.getLong("meter_id"),
                RelayCommand.valueOf(rs.getString("command")), RelayReason.valueOf(rs.getString("reason")),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), rs.getBoolean("expected_open"),
                rs.getObject("observed_open", Boolean.class), rs.getObject("keep_power", Boolean.class),
                rs.getInt("attempts"), Verdict.valueOf(rs.getString("outcome")), rs.getString("detail"));
    }
}
