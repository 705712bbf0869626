package io.jichao.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.TimeZone;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.jichao.testing.JichaoSpringTest;

/**
 * A server in China runs its JVM in Asia/Shanghai; instants written through plain JDBC (readings,
 * meter status) must still land in the database as the same UTC instants Hibernate writes.
 */
@JichaoSpringTest
class UtcTimestampsIT {

    @Autowired
    private DataSource dataSource;

    @Test
    void an_instant_written_by_a_jvm_in_shanghai_is_stored_as_that_instant() {
        Instant instant = Instant.parse("2026-03-01T16:30:00Z");
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        // A new connection, opened while the JVM is in Shanghai (pooled ones were opened in UTC).
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (SingleConnectionDataSource shanghai = new SingleConnectionDataSource(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword(), true)) {
            JdbcTemplate jdbc = new JdbcTemplate(shanghai);
            jdbc.update("insert into audit_event (occurred_at, operator_username, action, outcome) values (?, ?, ?, ?)",
                    Timestamp.from(instant), "test", "UTC_CHECK", "SUCCESS");
            Long epoch = jdbc.queryForObject(
                    "select unix_timestamp(occurred_at) from audit_event where action = 'UTC_CHECK'", Long.class);
            Timestamp readBack = jdbc.queryForObject(
                    "select occurred_at from audit_event where action = 'UTC_CHECK'", Timestamp.class);
            assertThat(epoch).isEqualTo(instant.getEpochSecond());
            assertThat(readBack.toInstant()).isEqualTo(instant);
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
