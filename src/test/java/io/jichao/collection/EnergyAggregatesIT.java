package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Hourly and daily aggregates kept by the writer and the back-fill store on MariaDB, read through
 * {@link EnergyUsageService}, against hand-computed fixtures (UTC; Asia/Shanghai is UTC+8). The
 * fixtures lie in 2021, away from what other tests store for the same demo meters.
 */
@JichaoSpringTest
class EnergyAggregatesIT {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private BackfillStore backfillStore;
    @Autowired
    private EnergyUsageService usage;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private MeterService meters;

    private ReadingWriter writer;
    private long hourlyMeter;
    private long dailyMeter;

    @BeforeEach
    void freshMetersAndWriter() {
        List<Long> ids = jdbc.queryForList("SELECT id FROM meter ORDER BY id LIMIT 2", Long.class);
        hourlyMeter = ids.get(0);
        dailyMeter = ids.get(1);
        for (String table : List.of("energy_hourly", "energy_daily")) {
            jdbc.update("DELETE FROM " + table + " WHERE meter_id IN (?, ?) AND taken_at < '2022-01-01'", hourlyMeter,
                    dailyMeter);
        }
        jdbc.update("DELETE FROM reading WHERE meter_id IN (?, ?) AND read_at < '2022-01-01'", hourlyMeter, dailyMeter);
        writer = new ReadingWriter(jdbc, transactions,
                new CollectionProperties.Writer(1000, 100, Duration.ofHours(1), Duration.ofHours(1)));
        LoginSupport.loginAs(users, "super");
    }

    @AfterEach
    void close() {
        writer.close();
        LoginSupport.logout();
    }

    @Test
    void hourly_usage_counts_a_reading_on_the_hour_for_the_hour_before_and_leaves_missing_hours_missing() {
        store(hourlyMeter, "2021-03-01T01:20:00Z", "100.00");
        store(hourlyMeter, "2021-03-01T01:50:00Z", "100.50");
        store(hourlyMeter, "2021-03-01T03:00:00Z", "101.70");
        store(hourlyMeter, "2021-03-01T04:40:00Z", "102.00");
        store(hourlyMeter, "2021-03-01T05:30:00Z", "102.90");

        assertThat(hourly()).containsExactly(
                entry("01:00", null), // no closing for 00:00-01:00
                entry("02:00", "1.20"), // 101.70 (taken at 03:00:00) - 100.50
                entry("03:00", null), // nothing taken in 03:00-04:00
                entry("04:00", null), // the hour before is missing
                entry("05:00", "0.90"));
        assertThat(usage.hourly(hourlyMeter, at("2021-03-01T01:00:00Z"), at("2021-03-01T06:00:00Z")))
                .extracting(IntervalUsage::backfilled).containsOnly(false);
    }

    @Test
    void a_back_filled_freeze_closes_its_missing_hour_and_is_flagged() {
        store(hourlyMeter, "2021-03-01T03:00:00Z", "101.70");
        store(hourlyMeter, "2021-03-01T04:40:00Z", "102.00");

        int added = backfillStore.store(new Backfill(hourlyMeter, at("2021-03-01T03:00:00Z"), at("2021-03-01T05:10:00Z"),
                List.of(new FrozenEnergy(FrozenEnergy.Kind.HOURLY, at("2021-03-01T04:00:00Z"), new BigDecimal("101.90")))));

        assertThat(added).isOne();
        List<IntervalUsage> hours = usage.hourly(hourlyMeter, at("2021-03-01T03:00:00Z"), at("2021-03-01T05:00:00Z"));
        assertThat(hours).extracting(h -> h.usage().map(Kwh::value).orElse(null))
                .containsExactly(new BigDecimal("0.20"), new BigDecimal("0.10"));
        assertThat(hours).extracting(IntervalUsage::backfilled).containsExactly(true, true);
        assertThat(jdbc.queryForObject("SELECT backfilled FROM energy_hourly WHERE meter_id = ? AND hour_start = ?",
                Boolean.class, hourlyMeter, LocalDateTime.parse("2021-03-01T03:00:00"))).isTrue();
    }

    @Test
    void a_value_arriving_late_does_not_replace_a_later_one_of_its_hour() {
        store(hourlyMeter, "2021-03-01T04:40:00Z", "102.00");
        store(hourlyMeter, "2021-03-01T05:30:00Z", "102.90");
        store(hourlyMeter, "2021-03-01T05:10:00Z", "102.60");

        assertThat(jdbc.queryForMap("SELECT register_kwh, taken_at FROM energy_hourly WHERE meter_id = ? AND hour_start = ?",
                hourlyMeter, LocalDateTime.parse("2021-03-01T05:00:00")))
                .containsEntry("register_kwh", new BigDecimal("102.9000"))
                .containsEntry("taken_at", java.sql.Timestamp.valueOf(LocalDateTime.parse("2021-03-01T05:30:00")));
        assertThat(hourly().get("05:00")).isEqualTo("0.90");
    }

    @Test
    void shanghai_days_turn_at_sixteen_hundred_utc() {
        store(dailyMeter, "2021-02-28T15:00:00Z", "50.00"); // 23:00 CST on 28 Feb
        store(dailyMeter, "2021-03-01T10:00:00Z", "55.00"); // 18:00 CST on 1 Mar
        store(dailyMeter, "2021-03-01T16:00:00Z", "57.50"); // 00:00 CST on 2 Mar: closes 1 Mar
        store(dailyMeter, "2021-03-01T16:00:01Z", "57.60"); // first value of 2 Mar
        store(dailyMeter, "2021-03-04T02:00:00Z", "60.00"); // 3 Mar has nothing

        List<IntervalUsage> days = usage.daily(dailyMeter, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 4));

        assertThat(days).extracting(d -> d.usage().map(Kwh::value).orElse(null)).containsExactly(
                new BigDecimal("7.50"), new BigDecimal("0.10"), null, null);
        assertThat(days.getFirst().start()).isEqualTo(at("2021-02-28T16:00:00Z"));
        assertThat(days.getFirst().end()).isEqualTo(at("2021-03-01T16:00:00Z"));
    }

    @Test
    void usage_of_a_meter_outside_the_operators_district_is_not_found() {
        LoginSupport.loginAs(users, "clerk");
        long inBuildingA = meters.page(MeterFilter.none(), 0, 200, List.of(MeterSort.byAddress())).stream()
                .filter(r -> "A".equals(r.buildingCode())).findFirst().orElseThrow().id();
        assertThat(usage.daily(inBuildingA, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 2))).hasSize(2);

        LoginSupport.loginAs(users, "clerk2");

        assertThatThrownBy(() -> usage.hourly(inBuildingA, at("2021-03-01T00:00:00Z"), at("2021-03-01T02:00:00Z")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.meter.not.found"));
    }

    private void store(long meterId, String readAt, String kwh) {
        writer.submit(List.of(new StoredReading(meterId, ReadingItem.ACTIVE_ENERGY, new BigDecimal(kwh), null,
                at(readAt), ReadingSource.CYCLE)));
        assertThat(writer.flush()).isTrue();
    }

    /** Usage per hour start (HH:mm, 1 Mar 2021) from 01:00 to 06:00; null where missing. */
    private Map<String, String> hourly() {
        return usage.hourly(hourlyMeter, at("2021-03-01T01:00:00Z"), at("2021-03-01T06:00:00Z")).stream()
                .collect(Collectors.toMap(h -> LocalDateTime.ofInstant(h.start(), ZoneOffset.UTC).toLocalTime().toString(),
                        h -> h.usage().map(k -> k.value().toPlainString()).orElse("missing"), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private static Map.Entry<String, String> entry(String hour, String kwh) {
        return Map.entry(hour, Optional.ofNullable(kwh).orElse("missing"));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
