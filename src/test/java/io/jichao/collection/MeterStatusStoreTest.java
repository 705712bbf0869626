package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** The status store's in-memory side, against a database that refuses every connection. */
class MeterStatusStoreTest {

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

    @Test
    void saving_never_waits_for_the_database_and_keeps_only_the_latest_state_per_meter_until_it_is_written() {
        try (MeterStatusStore store = new MeterStatusStore(new JdbcTemplate(new RefusingDataSource()),
                new CollectionProperties.Writer(10, 2, Duration.ofHours(1), Duration.ofHours(1)))) {
            Instant first = Instant.parse("2024-05-17T01:00:00Z");
            for (int cycle = 0; cycle < 50; cycle++) {
                for (long meter = 1; meter <= 3; meter++) {
                    store.save(new MeterHealth(meter, first.plusSeconds(cycle), first.plusSeconds(cycle), 0, null));
                }
            }

            assertThat(store.pending()).as("one state per meter").isEqualTo(3);
            assertThat(store.flush()).as("the database refuses").isFalse();
            assertThat(store.pending()).as("nothing is lost by a failed flush").isEqualTo(3);
            assertThat(store.failedFlushes()).isEqualTo(1);
            assertThat(store.written()).isZero();
        }
    }

    @Test
    void the_background_write_waits_while_the_reading_writer_is_backlogged() throws InterruptedException {
        AtomicBoolean backlogged = new AtomicBoolean(true);
        try (MeterStatusStore store = new MeterStatusStore(new JdbcTemplate(new RefusingDataSource()),
                new CollectionProperties.Writer(10, 2, Duration.ofMillis(20), Duration.ofSeconds(30)), backlogged::get)) {
            store.save(new MeterHealth(1, Instant.parse("2024-05-17T01:00:00Z"), null, 1, "TIMEOUT"));

            Thread.sleep(300);
            assertThat(store.failedFlushes()).as("no attempt while readings wait").isZero();

            backlogged.set(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> store.failedFlushes() > 0);
            assertThat(store.pending()).isEqualTo(1);
        }
    }
}
