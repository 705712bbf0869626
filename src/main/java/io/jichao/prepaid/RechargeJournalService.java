package io.jichao.prepaid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.BillingMode;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictSql;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;

/**
 * The clerks' recharge journal: the orders of the operator's district, newest first, by Shanghai
 * day (of placing) and state, one page at a time. Host-side prepaid orders (CONFIRMED at once) are
 * ordinary orders and appear like the others. Needs RECHARGE; the district is the operator's own.
 */
@Service
public class RechargeJournalService {

    /** Which orders: every state, the ones still on their way, the failed ones, or the final ones. */
    public enum StateFilter {
        ALL(EnumSet.allOf(RechargeState.class)),
        WAITING(EnumSet.of(RechargeState.CREATED, RechargeState.SENT, RechargeState.FAILED_RETRYING)),
        FAILED(EnumSet.of(RechargeState.FAILED_RETRYING)),
        CONFIRMED(EnumSet.of(RechargeState.CONFIRMED)),
        CANCELLED(EnumSet.of(RechargeState.CANCELLED));

        private final Set<RechargeState> states;

        StateFilter(Set<RechargeState> states) {
            this.states = states;
        }

        public Set<RechargeState> states() {
            return states;
        }
    }

    /** A Shanghai day of placing (null: any day) and a state filter (null: all). */
    public record Filter(LocalDate day, StateFilter state) {
    }

    /** One line of the journal; instants are UTC. */
    public record JournalOrder(long id, RechargeState state, String householdName, String room, String building,
                               String meterAddress, BillingMode billingMode, Money amount, Kwh kwh,
                               PaymentMethod method, String reference, String clerk, String clerkName,
                               Instant createdAt, Instant stateChangedAt, int attempts, String lastFailure) {

        /** What {@link RechargeService#cancel} accepts: not yet sent, and not an emergency credit. */
        public boolean cancellable() {
            return state == RechargeState.CREATED && method != PaymentMethod.EMERGENCY;
        }
    }

    private static final String FROM = """
              FROM recharge_order o
              JOIN meter m ON m.id = o.meter_id
              JOIN building b ON b.id = m.building_id
              JOIN prepaid_account a ON a.id = o.account_id
              JOIN household h ON h.id = a.household_id
              LEFT JOIN operator op ON op.username = o.created_by
             WHERE o.state IN (:states)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentOperator currentOperator;

    RechargeJournalService(NamedParameterJdbcTemplate jdbc, CurrentOperator currentOperator) {
        this.jdbc = jdbc;
        this.currentOperator = currentOperator;
    }

    /** One page of the district's orders matching the filter, newest first. */
    @Transactional(readOnly = true)
    public List<JournalOrder> page(Filter filter, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("offset", Math.max(0, offset)).addValue("limit", Math.max(0, limit));
        String sql = """
                SELECT o.id, o.state, o.amount, o.kwh, o.payment_method, o.payment_reference, o.created_by,
                       o.created_at, o.state_changed_at, o.delivery_attempts, o.last_failure,
                       m.address, m.billing_mode, h.name AS household_name, h.room, b.name AS building_name,
                       op.display_name
                """ + where(filter, params) + " ORDER BY o.id DESC LIMIT :limit OFFSET :offset";
        return jdbc.query(sql, params, RechargeJournalService::row);
    }

    @Transactional(readOnly = true)
    public int count(Filter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Integer count = jdbc.queryForObject("SELECT COUNT(*)" + where(filter, params), params, Integer.class);
        return count == null ? 0 : count;
    }

    private String where(Filter filter, MapSqlParameterSource params) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.RECHARGE);
        StateFilter state = filter == null || filter.state() == null ? StateFilter.ALL : filter.state();
        params.addValue("states", state.states().stream().map(Enum::name).toList());
        StringBuilder sql = new StringBuilder(FROM);
        if (filter != null && filter.day() != null) {
            params.addValue("from", Timestamp.from(filter.day().atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant()));
            params.addValue("to", Timestamp.from(
                    filter.day().plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant()));
            sql.append(" AND o.created_at >= :from AND o.created_at < :to");
        }
        return sql.append(DistrictSql.meterFilter(operator.district(), params)).toString();
    }

    private static JournalOrder row(ResultSet rs, int n) throws SQLException {
        String clerk = rs.getString("created_by");
        String name = rs.getString("display_name");
        return new JournalOrder(rs.getLong("id"), RechargeState.valueOf(rs.getString("state")),
                rs.getString("household_name"), rs.getString("room"), rs.getString("building_name"),
                rs.getString("address"), BillingMode.valueOf(rs.getString("billing_mode")),
                new Money(rs.getBigDecimal("amount")), new Kwh(rs.getBigDecimal("kwh")),
                PaymentMethod.valueOf(rs.getString("payment_method")), rs.getString("payment_reference"),
                clerk, name == null ? clerk : name, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("state_changed_at").toInstant(), rs.getInt("delivery_attempts"),
                rs.getString("last_failure"));
    }
}
