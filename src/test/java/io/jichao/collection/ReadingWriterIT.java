package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.testing.JichaoSpringTest;

/**
 * The writer against real MariaDB. The outage is simulated by renaming the {@code reading} table
 * away, so every insert fails inside the real database; connections themselves stay up (a stopped
 * server is not simulated here).
 */
@JichaoSpringTest
class ReadingWriterIT {

    private static final long METER = 987_654;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;

    @AfterEach
    void restoreTable() {
        Integer offline = jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'reading_offline'",
                Integer.class);
        if (offline != null && offline > 0) {
            jdbc.execute("RENAME TABLE reading_offline TO reading");
        }
    }

    @Test
    void readings_are_kept_while_the_reading_table_is_unavailable_and_stored_when_it_returns() {
        try (ReadingWriter writer = new ReadingWriter(jdbc, transactions,
                new CollectionProperties.Writer(1000, 7, Duration.ofMillis(100), Duration.ofMillis(400)))) {
            jdbc.execute("RENAME TABLE reading TO reading_offline");
            List<StoredReading> cycle = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                cycle.add(new StoredReading(METER, ReadingItem.ACTIVE_ENERGY, new BigDecimal("100.25").add(BigDecimal.valueOf(i)),
                        null, Instant.parse("2024-05-17T01:00:00Z").plusSeconds(i), ReadingSource.CYCLE));
            }

            writer.submit(cycle);
            await().atMost(Duration.ofSeconds(5)).until(() -> writer.failedFlushes() >= 2);
            assertThat(writer.buffered()).isEqualTo(20);

            jdbc.execute("RENAME TABLE reading_offline TO reading");

            await().atMost(Duration.ofSeconds(5)).until(() -> writer.buffered() == 0);
            assertThat(writer.stored()).isEqualTo(20);
            assertThat(writer.dropped()).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reading WHERE meter_id = ?", Integer.class, METER))
                    .as("every reading exactly once").isEqualTo(20);
            assertThat(jdbc.queryForObject("SELECT MAX(value) FROM reading WHERE meter_id = ?", BigDecimal.class, METER))
                    .isEqualByComparingTo("119.25");
        }
    }
}
