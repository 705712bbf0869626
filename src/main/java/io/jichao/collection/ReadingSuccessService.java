package io.jichao.collection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictSql;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.TimeConfiguration;

/**
 * Today's reading success of the operator's district (home page, R23): how many active meters have
 * been read successfully since Shanghai midnight, from {@code meter_status} (written by the engine,
 * kept across restarts). VIEW_ARCHIVE; read-only.
 */
@Service
public class ReadingSuccessService {

    /** {@code meters} active meters of the district, {@code read} of them read successfully today. */
    public record ReadingSuccess(long meters, long read) {

        /** Whole percent, rounded down; null without meters. */
        public Integer percent() {
            return meters == 0 ? null : (int) (read * 100 / meters);
        }

        public long unread() {
            return meters - read;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentOperator currentOperator;
    private final Clock clock;

    ReadingSuccessService(NamedParameterJdbcTemplate jdbc, CurrentOperator currentOperator, Clock clock) {
        this.jdbc = jdbc;
        this.currentOperator = currentOperator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ReadingSuccess today() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        Instant midnight = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE))
                .atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
        MapSqlParameterSource params = new MapSqlParameterSource("midnight", Timestamp.from(midnight));
        String district = DistrictSql.meterFilter(operator.district(), params);
        return jdbc.queryForObject("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN s.last_success_at >= :midnight THEN 1 ELSE 0 END), 0)
                  FROM meter m LEFT JOIN meter_status s ON s.meter_id = m.id
                 WHERE m.state = 'ACTIVE'""" + district, params,
                (row, n) -> new ReadingSuccess(row.getLong(1), row.getLong(2)));
    }
}
