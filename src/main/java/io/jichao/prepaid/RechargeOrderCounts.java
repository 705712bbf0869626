package io.jichao.prepaid;

import java.util.EnumMap;
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

/**
 * How many recharge orders of the operator's district are still on their way to the meter (home
 * page, R23): created and not yet sent, sent and not yet confirmed, failed and being retried.
 * RECHARGE clerks see their district, FINANCE the whole site (as for the sales report). Read-only.
 */
@Service
public class RechargeOrderCounts {

    /** Orders waiting to be sent ({@code created}), sent awaiting confirmation, and failed (retrying). */
    public record OpenOrders(long created, long sent, long failed) {

        public long waiting() {
            return created + sent;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentOperator currentOperator;

    RechargeOrderCounts(NamedParameterJdbcTemplate jdbc, CurrentOperator currentOperator) {
        this.jdbc = jdbc;
        this.currentOperator = currentOperator;
    }

    @Transactional(readOnly = true)
    public OpenOrders open() {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String district = DistrictSql.meterFilter(scope(), params);
        Map<RechargeState, Long> counts = new EnumMap<>(RechargeState.class);
        jdbc.query("""
                SELECT o.state, COUNT(*) FROM recharge_order o JOIN meter m ON m.id = o.meter_id
                 WHERE o.state IN ('CREATED', 'SENT', 'FAILED_RETRYING')""" + district + " GROUP BY o.state",
                params, row -> {
                    counts.put(RechargeState.valueOf(row.getString(1)), row.getLong(2));
                });
        return new OpenOrders(counts.getOrDefault(RechargeState.CREATED, 0L),
                counts.getOrDefault(RechargeState.SENT, 0L), counts.getOrDefault(RechargeState.FAILED_RETRYING, 0L));
    }

    private DistrictScope scope() {
        OperatorContext operator = currentOperator.get();
        if (operator.has(Permission.FINANCE)) {
            return DistrictScope.everything();
        }
        operator.require(Permission.RECHARGE);
        return operator.district();
    }
}
