package io.jichao.prepaid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictSql;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;

/**
 * Finance's ledger journal: every {@code ledger_entry} of a period of Shanghai days, filtered by
 * kind, property office, building and household, one page at a time, with totals per kind. An
 * entry of an order belongs to the order's meter (its building, office and district), exactly as in
 * {@link SalesReportService}, so the RECHARGE total is the sales' gross and REVERSAL plus REFUND
 * their reversed figure; an entry without an order (host debit, settlement, adjustment) belongs to
 * its household's building and is inside the district when one of the household's meters is.
 * Needs FINANCE; the district is the operator's own.
 */
@Service
public class LedgerJournalService {

    /**
     * Shanghai days {@code from} to {@code to} inclusive; kinds (empty: all), office, building
     * (null: any) and a household's name or room containing {@code household} (blank: any).
     */
    public record Filter(LocalDate from, LocalDate to, Set<LedgerKind> kinds, Long officeId, Long buildingId,
                         String household) {
        public Filter {
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        }

        public static Filter days(LocalDate from, LocalDate to) {
            return new Filter(from, to, Set.of(), null, null, null);
        }
    }

    /** One entry; the instant is UTC. */
    public record JournalEntry(long id, LedgerKind kind, Money amount, Kwh kwh, long accountId, String householdName,
                               String room, String building, String office, Long orderId, String operator,
                               String operatorName, Instant occurredAt, String memo) {
    }

    /** The sums of one kind over the filter. */
    public record KindTotal(LedgerKind kind, int entries, Money amount, Kwh kwh) {
    }

    private static final String FROM = """
              FROM ledger_entry le
              JOIN prepaid_account a ON a.id = le.account_id
              JOIN household h ON h.id = a.household_id
              LEFT JOIN recharge_order o ON o.id = le.order_id
              LEFT JOIN meter om ON om.id = o.meter_id
              JOIN building b ON b.id = COALESCE(om.building_id, h.building_id)
              LEFT JOIN property_office po ON po.id = b.property_office_id
              LEFT JOIN operator op ON op.username = le.operator_username
             WHERE le.occurred_at >= :from AND le.occurred_at < :to
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentOperator currentOperator;

    LedgerJournalService(NamedParameterJdbcTemplate jdbc, CurrentOperator currentOperator) {
        this.jdbc = jdbc;
        this.currentOperator = currentOperator;
    }

    /** One page of the entries, oldest first. */
    @Transactional(readOnly = true)
    public List<JournalEntry> page(Filter filter, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("offset", Math.max(0, offset)).addValue("limit", Math.max(0, limit));
        String sql = """
                SELECT le.id, le.kind, le.amount, le.kwh, le.account_id, le.order_id, le.operator_username,
                       le.occurred_at, le.memo, h.name AS household_name, h.room, b.name AS building_name,
                       po.name AS office_name, op.display_name
                """ + where(filter, params) + " ORDER BY le.occurred_at, le.id LIMIT :limit OFFSET :offset";
        return jdbc.query(sql, params, LedgerJournalService::row);
    }

    @Transactional(readOnly = true)
    public int count(Filter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Integer count = jdbc.queryForObject("SELECT COUNT(*)" + where(filter, params), params, Integer.class);
        return count == null ? 0 : count;
    }

    /** The sums per kind, in the kinds' order; kinds without entries are left out. */
    @Transactional(readOnly = true)
    public List<KindTotal> totals(Filter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "SELECT le.kind, COUNT(*) AS entries, SUM(le.amount) AS amount, SUM(le.kwh) AS kwh"
                + where(filter, params) + " GROUP BY le.kind";
        Map<LedgerKind, KindTotal> byKind = new EnumMap<>(LedgerKind.class);
        jdbc.query(sql, params, rs -> {
            LedgerKind kind = LedgerKind.valueOf(rs.getString("kind"));
            byKind.put(kind, new KindTotal(kind, rs.getInt("entries"), new Money(rs.getBigDecimal("amount")),
                    new Kwh(rs.getBigDecimal("kwh"))));
        });
        return List.copyOf(byKind.values());
    }

    private String where(Filter filter, MapSqlParameterSource params) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.FINANCE);
        if (filter == null || filter.from() == null || filter.to() == null) {
            throw new DomainException("error.required", "period");
        }
        if (filter.to().isBefore(filter.from())) {
            throw new DomainException("error.journal.period");
        }
        params.addValue("from", Timestamp.from(filter.from().atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant()));
        params.addValue("to", Timestamp.from(
                filter.to().plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant()));
        StringBuilder sql = new StringBuilder(FROM);
        if (!filter.kinds().isEmpty()) {
            params.addValue("kinds", filter.kinds().stream().map(Enum::name).toList());
            sql.append(" AND le.kind IN (:kinds)");
        }
        if (filter.officeId() != null) {
            params.addValue("office", filter.officeId());
            sql.append(" AND b.property_office_id = :office");
        }
        if (filter.buildingId() != null) {
            params.addValue("building", filter.buildingId());
            sql.append(" AND b.id = :building");
        }
        if (filter.household() != null && !filter.household().isBlank()) {
            params.addValue("household", "%" + escapeLike(filter.household().strip()) + "%");
            sql.append(" AND (h.name LIKE :household OR h.room LIKE :household)");
        }
        String district = DistrictSql.meterFilter(operator.district(), params);
        if (!district.isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM meter m WHERE (m.id = o.meter_id OR (o.id IS NULL AND m.household_id = h.id))")
                    .append(district).append(')');
        }
        return sql.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static JournalEntry row(ResultSet rs, int n) throws SQLException {
        String username = rs.getString("operator_username");
        String name = rs.getString("display_name");
        long order = rs.getLong("order_id");
        Long orderId = rs.wasNull() ? null : order;
        return new JournalEntry(rs.getLong("id"), LedgerKind.valueOf(rs.getString("kind")),
                new Money(rs.getBigDecimal("amount")), new Kwh(rs.getBigDecimal("kwh")), rs.getLong("account_id"),
                rs.getString("household_name"), rs.getString("room"), rs.getString("building_name"),
                rs.getString("office_name"), orderId, username, name == null ? username : name,
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("memo"));
    }
}
