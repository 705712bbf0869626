package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.audit.AuditTrail;
import io.jichao.testing.JichaoSpringTest;

/**
 * The nightly purge on MariaDB with a fixed clock in 2021 (so only this test's old rows are old
 * enough), a chunk size of 3 so every meter needs several DELETE statements.
 */
@JichaoSpringTest
class ReadingRetentionIT {

    private static final Instant NOW = Instant.parse("2021-06-01T00:00:00Z");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private AuditTrail audit;

    private ReadingWriter writer;
    private long meter;

    @BeforeEach
    void storeOldAndRecentReadings() {
        meter = jdbc.queryForObject("SELECT id FROM meter ORDER BY id LIMIT 1 OFFSET 2", Long.class);
        jdbc.update("DELETE FROM reading WHERE meter_id = ? AND read_at < '2022-01-01'", meter);
        jdbc.update("DELETE FROM energy_hourly WHERE meter_id = ? AND taken_at < '2022-01-01'", meter);
        jdbc.update("DELETE FROM energy_daily WHERE meter_id = ? AND taken_at < '2022-01-01'", meter);
        writer = new ReadingWriter(jdbc, transactions,
                new CollectionProperties.Writer(1000, 100, Duration.ofHours(1), Duration.ofHours(1)));
        List<StoredReading> rows = new ArrayList<>();
        for (int hour = 0; hour < 5; hour++) {
            Instant old = NOW.minus(Duration.ofDays(200)).plus(Duration.ofHours(hour).plusMinutes(30));
            Instant recent = NOW.minus(Duration.ofDays(10)).plus(Duration.ofHours(hour).plusMinutes(30));
            for (Instant at : List.of(old, recent)) {
                rows.add(row(ReadingItem.VOLTAGE_A, "220.1", at));
                rows.add(row(ReadingItem.POWER_FACTOR, "0.98", at));
                rows.add(row(ReadingItem.ACTIVE_ENERGY, Integer.toString(100 + hour), at));
                rows.add(row(ReadingItem.REMAINING_ENERGY, "50", at));
            }
        }
        writer.submit(rows);
        assertThat(writer.flush()).isTrue();
    }

    @AfterEach
    void close() {
        writer.close();
    }

    @Test
    void old_instant_readings_go_while_energy_readings_and_aggregates_stay() {
        int hourlyBefore = count("energy_hourly");
        int dailyBefore = count("energy_daily");

        ReadingRetentionJob.Purged purged = job(Duration.ZERO).purge();

        assertThat(purged.instantRows()).isEqualTo(10);
        assertThat(purged.energyRows()).isZero();
        assertThat(rows("VOLTAGE_A", true)).as("older than 90 days").isZero();
        assertThat(rows("POWER_FACTOR", true)).isZero();
        assertThat(rows("VOLTAGE_A", false)).as("10 days old").isEqualTo(5);
        assertThat(rows("ACTIVE_ENERGY", true)).as("energy kept without limit").isEqualTo(5);
        assertThat(rows("REMAINING_ENERGY", true)).isEqualTo(5);
        assertThat(count("energy_hourly")).isEqualTo(hourlyBefore).isEqualTo(10);
        assertThat(count("energy_daily")).isEqualTo(dailyBefore).isEqualTo(2);
        assertThat(audit.byAction("READING_RETENTION")).first()
                .satisfies(event -> assertThat(event.getDetails()).contains("10 deleted"));
    }

    @Test
    void energy_readings_go_after_their_own_longer_retention_and_the_aggregates_stay() {
        ReadingRetentionJob.Purged purged = job(Duration.ofDays(180)).purge();

        assertThat(purged.energyRows()).isEqualTo(10);
        assertThat(rows("ACTIVE_ENERGY", true)).isZero();
        assertThat(rows("REMAINING_ENERGY", true)).isZero();
        assertThat(rows("ACTIVE_ENERGY", false)).isEqualTo(5);
        assertThat(count("energy_hourly")).as("aggregates are never purged").isEqualTo(10);
    }

    @Test
    void daily_freeze_rows_are_kept_as_long_as_energy_rows_not_purged_with_instant_values() {
        Instant frozenAt = NOW.minus(Duration.ofDays(200)).plus(Duration.ofHours(2));
        LocalDateTime meterTime = LocalDateTime.ofInstant(frozenAt, ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.DAYS);
        writer.submit(List.of(new StoredReading(meter, ReadingItem.DAILY_FREEZE, new BigDecimal("99.50"), meterTime,
                frozenAt, ReadingSource.FREEZE)));
        assertThat(writer.flush()).isTrue();

        job(Duration.ZERO).purge();
        assertThat(rows("DAILY_FREEZE", true)).as("200 days old, energy kept without limit").isEqualTo(1);

        job(Duration.ofDays(180)).purge();
        assertThat(rows("DAILY_FREEZE", true)).as("older than the energy retention").isZero();
    }

    private ReadingRetentionJob job(Duration energyRetention) {
        return new ReadingRetentionJob(jdbc, new RetentionProperties(true, Duration.ofDays(90), energyRetention, 3,
                "0 30 2 * * *", "Asia/Shanghai", Duration.ofHours(2)), audit, transactionManager,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private StoredReading row(ReadingItem item, String value, Instant at) {
        return new StoredReading(meter, item, new BigDecimal(value), null, at, ReadingSource.CYCLE);
    }

    private int rows(String item, boolean old) {
        // Only this test's 2021 rows: other tests store readings of the same demo meter at other times.
        return jdbc.queryForObject("SELECT COUNT(*) FROM reading WHERE meter_id = ? AND item = ? AND "
                + (old ? "read_at < '2021-03-01'" : "read_at >= '2021-03-01' AND read_at < '2022-01-01'"),
                Integer.class, meter, item);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE meter_id = ? AND taken_at < '2022-01-01'",
                Integer.class, meter);
    }
}
