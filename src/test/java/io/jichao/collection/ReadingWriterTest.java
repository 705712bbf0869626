package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.transaction.support.TransactionOperations;

/** The writer's buffer bound, against a database that refuses every connection (a stand-in, no MariaDB). */
class ReadingWriterTest {

    private static final class RefusingDataSource extends AbstractDataSource {
        @Override
        public java.sql.Connection getConnection() throws SQLException {
            throw new SQLException("database down (simulated)");
        }

        @Override
        public java.sql.Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    private static StoredReading reading(long meterId, ReadingSource source) {
        return new StoredReading(meterId, ReadingItem.ACTIVE_ENERGY, BigDecimal.ONE, null,
                Instant.parse("2024-05-17T01:00:00Z"), source);
    }

    @Test
    void a_full_buffer_drops_the_oldest_cycle_readings_first_and_keeps_operator_readings() {
        try (ReadingWriter writer = new ReadingWriter(new JdbcTemplate(new RefusingDataSource()),
                TransactionOperations.withoutTransaction(),
                new CollectionProperties.Writer(5, 10, Duration.ofHours(1), Duration.ofHours(1)))) {
            List<StoredReading> submitted = new ArrayList<>();
            submitted.add(reading(1, ReadingSource.OPERATOR));
            for (int meter = 2; meter <= 8; meter++) {
                submitted.add(reading(meter, ReadingSource.CYCLE));
            }

            writer.submit(submitted);

            assertThat(writer.buffered()).isEqualTo(5);
            assertThat(writer.dropped()).isEqualTo(3);
            assertThat(writer.flush()).as("the database refuses").isFalse();
            assertThat(writer.buffered()).as("nothing is lost by a failed flush").isEqualTo(5);
            assertThat(writer.failedFlushes()).isEqualTo(1);
        }
    }
}
