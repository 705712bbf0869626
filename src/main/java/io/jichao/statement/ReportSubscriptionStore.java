package io.jichao.statement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Rows of {@code report_subscription} and {@code report_delivery} (Liquibase 0021). */
@Component
class ReportSubscriptionStore {

    /** A stored subscription with its operator's login name. */
    record Subscription(long id, long operatorId, String username, String reportKey, String recipients,
                        String locale, boolean enabled, Instant lastRunAt, String lastOutcome, String lastError) {
    }

    /** A delivery row as claimed under its lock. */
    record Delivery(long subscriptionId, LocalDate periodStart, String state, int attempts, Instant lastAttemptAt) {
    }

    private static final String SELECT = """
            SELECT s.id, s.operator_id, o.username, s.report_key, s.recipients, s.locale, s.enabled,
                   s.last_run_at, s.last_outcome, s.last_error
              FROM report_subscription s JOIN operator o ON o.id = s.operator_id""";

    private final NamedParameterJdbcTemplate jdbc;

    ReportSubscriptionStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long operatorId, String reportKey, String recipients, String locale, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO report_subscription (operator_id, report_key, recipients, locale, enabled, created_at)
                VALUES (:operator, :key, :recipients, :locale, TRUE, :now)""",
                new MapSqlParameterSource("operator", operatorId).addValue("key", reportKey)
                        .addValue("recipients", recipients).addValue("locale", locale)
                        .addValue("now", Timestamp.from(now)), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    boolean exists(long operatorId, String reportKey) {
        return !jdbc.queryForList("SELECT id FROM report_subscription WHERE operator_id = :operator AND report_key = :key",
                new MapSqlParameterSource("operator", operatorId).addValue("key", reportKey), Long.class).isEmpty();
    }

    List<Subscription> ofOperator(long operatorId) {
        return jdbc.query(SELECT + " WHERE s.operator_id = :operator ORDER BY s.id",
                new MapSqlParameterSource("operator", operatorId), ReportSubscriptionStore::subscription);
    }

    List<Subscription> enabled() {
        return jdbc.query(SELECT + " WHERE s.enabled AND o.enabled ORDER BY s.id", new MapSqlParameterSource(),
                ReportSubscriptionStore::subscription);
    }

    Optional<Subscription> find(long id) {
        return jdbc.query(SELECT + " WHERE s.id = :id", new MapSqlParameterSource("id", id),
                ReportSubscriptionStore::subscription).stream().findFirst();
    }

    void delete(long id) {
        jdbc.update("DELETE FROM report_subscription WHERE id = :id", new MapSqlParameterSource("id", id));
    }

    void recordRun(long id, Instant at, String outcome, String error) {
        jdbc.update("""
                UPDATE report_subscription SET last_run_at = :at, last_outcome = :outcome, last_error = :error
                 WHERE id = :id""", new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(at))
                .addValue("outcome", outcome).addValue("error", error));
    }

    /** Creates the period's row if it is new, then locks and returns it (call inside a transaction). */
    Delivery lockDelivery(long subscriptionId, LocalDate periodStart, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", subscriptionId).addValue("period", periodStart)
                .addValue("now", Timestamp.from(now));
        jdbc.update("""
                INSERT IGNORE INTO report_delivery (subscription_id, period_start, state, attempts, last_attempt_at)
                VALUES (:id, :period, 'NEW', 0, :now)""", params);
        return jdbc.queryForObject("""
                SELECT subscription_id, period_start, state, attempts, last_attempt_at FROM report_delivery
                 WHERE subscription_id = :id AND period_start = :period FOR UPDATE""", params,
                (row, n) -> new Delivery(row.getLong(1), row.getObject(2, LocalDate.class), row.getString(3),
                        row.getInt(4), row.getTimestamp(5).toInstant()));
    }

    void markDelivery(long subscriptionId, LocalDate periodStart, String state, int attempts, Instant at, String error) {
        jdbc.update("""
                UPDATE report_delivery SET state = :state, attempts = :attempts, last_attempt_at = :at,
                       sent_at = CASE WHEN :state = 'SENT' THEN :at ELSE sent_at END, error = :error
                 WHERE subscription_id = :id AND period_start = :period""",
                new MapSqlParameterSource("id", subscriptionId).addValue("period", periodStart)
                        .addValue("state", state).addValue("attempts", attempts).addValue("at", Timestamp.from(at))
                        .addValue("error", error));
    }

    /** Earlier periods whose delivery failed and may be tried again. */
    List<LocalDate> failedPeriods(long subscriptionId, int maxAttempts) {
        return jdbc.queryForList("""
                SELECT period_start FROM report_delivery
                 WHERE subscription_id = :id AND state = 'FAILED' AND attempts < :max ORDER BY period_start""",
                new MapSqlParameterSource("id", subscriptionId).addValue("max", maxAttempts), LocalDate.class);
    }

    private static Subscription subscription(ResultSet row, int n) throws SQLException {
        Timestamp lastRun = row.getTimestamp(8);
        return new Subscription(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getBoolean(7), lastRun == null ? null : lastRun.toInstant(), row.getString(9),
                row.getString(10));
    }
}
