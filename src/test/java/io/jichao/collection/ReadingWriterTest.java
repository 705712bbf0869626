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

    /**
     * Found by StoredThroughputBench: overflow while a batch was being written dropped readings of
     * that very batch, which were then stored too, so stored + dropped exceeded what was submitted.
     */
    @Test
    void overflow_while_a_batch_is_written_drops_waiting_readings_not_the_batch() {
        List<Runnable> duringCommit = new ArrayList<>();
        TransactionOperations committing = new TransactionOperations() {
            @Override
            public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                // The batch "commits" without a database; meanwhile the cycle submits more readings.
                duringCommit.forEach(Runnable::run);
                duringCommit.clear();
                return null;
            }
        };
        try (ReadingWriter writer = new ReadingWriter(new JdbcTemplate(new RefusingDataSource()), committing,
                new CollectionProperties.Writer(5, 5, Duration.ofHours(1), Duration.ofHours(1)))) {
            List<StoredReading> first = new ArrayList<>();
            for (int meter = 1; meter <= 5; meter++) {
                first.add(reading(meter, ReadingSource.CYCLE));
            }
            List<StoredReading> more = new ArrayList<>();
            for (int meter = 6; meter <= 11; meter++) {
                more.add(reading(meter, ReadingSource.CYCLE));
            }
            writer.submit(first);
            duringCommit.add(() -> writer.submit(more));

            assertThat(writer.flush()).isTrue();

            assertThat(writer.stored()).as("the batch in flight and the 5 newest waiting readings").isEqualTo(10);
            assertThat(writer.dropped()).as("only the oldest waiting reading (meter 6) overflowed").isEqualTo(1);
            assertThat(writer.stored() + writer.dropped()).isEqualTo(first.size() + more.size());
            assertThat(writer.buffered()).isZero();
        }
    }
}
