package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * R12: a meter's hourly energy and power for a past day, figures computed by hand below; R8: the
 * instantaneous values the live curves open with.
 */
@JichaoSpringTest
class MeterHistoryServiceIT {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    @Autowired
    private MeterHistoryService history;
    @Autowired
    private MeterService meters;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;

    private long meterId;

    @BeforeEach
    void storeReadingsOfOneDay() {
        LoginSupport.loginAs(users, "clerk");
        meterId = meters.page(MeterFilter.none(), 0, 1, List.of(MeterSort.byAddress())).getFirst().id();
        jdbc.update("delete from reading where meter_id = ? and read_at < '2025-06-01'", meterId);
        // Shanghai wall-clock times of the day; the hour 02:00-03:00 has no reading at all.
        cycle("2025-02-28T23:45", "ACTIVE_ENERGY", "100.00");
        cycle("2025-03-01T00:15", "ACTIVE_ENERGY", "100.50");
        cycle("2025-03-01T00:15", "ACTIVE_POWER", "2.0000");
        cycle("2025-03-01T00:45", "ACTIVE_ENERGY", "101.00");
        cycle("2025-03-01T00:45", "ACTIVE_POWER", "4.0000");
        cycle("2025-03-01T01:30", "ACTIVE_ENERGY", "102.25");
        cycle("2025-03-01T03:10", "ACTIVE_ENERGY", "104.00");
        // Back-filled from the meter's hourly freezes: they count at their freeze time.
        backfill("2025-03-01T04:00", "110.00");
        backfill("2025-03-01T05:00", "120.00");
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void hourly_energy_is_the_difference_of_the_last_readings_of_consecutive_hours() {
        List<MeterDayHistory.Hour> hours = history.day(meterId, DAY).hours();

        assertThat(hours).hasSize(24);
        assertThat(hours.get(0).start()).isEqualTo(LocalDateTime.parse("2025-03-01T00:00"));
        assertThat(hours.get(0).energyKwh()).isEqualByComparingTo("1.00");
        assertThat(hours.get(1).energyKwh()).isEqualByComparingTo("1.25");
        assertThat(hours.get(4).energyKwh()).as("between two back-filled freezes").isEqualByComparingTo("10.00");
    }

    @Test
    void hours_without_readings_are_missing_not_zero() {
        List<MeterDayHistory.Hour> hours = history.day(meterId, DAY).hours();

        assertThat(hours.get(2).energyKwh()).as("no reading in 02:00-03:00").isNull();
        assertThat(hours.get(3).energyKwh()).as("no reading closes the hour before").isNull();
        assertThat(hours.get(12).energyKwh()).isNull();
        assertThat(hours.get(1).averageKw()).isNull();
    }

    @Test
    void power_is_averaged_and_its_maximum_kept_per_hour() {
        MeterDayHistory.Hour first = history.day(meterId, DAY).hours().get(0);

        assertThat(first.averageKw()).isEqualByComparingTo("3.0000");
        assertThat(first.maximumKw()).isEqualByComparingTo("4.0000");
    }

    @Test
    void a_meter_outside_the_district_has_no_history() {
        LoginSupport.loginAs(users, "clerk2");
        assertThatThrownBy(() -> history.day(meterId, DAY)).isInstanceOf(DomainException.class);
    }

    @Test
    void recent_samples_group_the_instantaneous_values_of_each_read_oldest_first() {
        Instant now = clock.instant();
        Instant older = now.minus(Duration.ofMinutes(50)).truncatedTo(ChronoUnit.SECONDS);
        Instant newer = now.minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        deleteRecentReadings(now);
        store(newer, "VOLTAGE_A", "221.1000");
        store(newer, "CURRENT_A", "4.2000");
        store(newer, "ACTIVE_POWER", "0.9300");
        store(newer, "ACTIVE_ENERGY", "555.0000");
        store(older, "VOLTAGE_A", "219.0000");
        store(now.minus(MeterHistoryService.RECENT_WINDOW).minusSeconds(60), "VOLTAGE_A", "199.0000");

        List<MeterSample> samples = history.recentSamples(meterId);

        assertThat(samples).extracting(MeterSample::readAt).containsExactly(older, newer);
        assertThat(samples.get(1).values()).containsOnlyKeys(ReadingItem.VOLTAGE_A, ReadingItem.CURRENT_A,
                ReadingItem.ACTIVE_POWER);
        assertThat(samples.get(1).values().get(ReadingItem.CURRENT_A)).isEqualByComparingTo("4.2");
        assertThat(samples.get(0).values().get(ReadingItem.VOLTAGE_A)).isEqualByComparingTo("219");
    }

    @Test
    void recent_samples_keep_only_the_newest_when_there_are_more_than_the_bound() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        deleteRecentReadings(now);
        int stored = MeterHistoryService.MAX_SAMPLES + 30;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < stored; i++) {
            rows.add(new Object[] {meterId, new BigDecimal("220.0000"), Timestamp.from(now.minusSeconds(10L * (i + 1)))});
        }
        jdbc.batchUpdate("insert into reading (meter_id, item, value, meter_time, read_at, source) values (?, 'VOLTAGE_A', ?, null, ?, 'OPERATOR')", rows);

        List<MeterSample> samples = history.recentSamples(meterId);

        assertThat(samples).hasSize(MeterHistoryService.MAX_SAMPLES);
        assertThat(samples.getLast().readAt()).isEqualTo(now.minusSeconds(10));
        assertThat(samples.getFirst().readAt()).isEqualTo(now.minusSeconds(10L * MeterHistoryService.MAX_SAMPLES));
    }

    @Test
    void a_meter_outside_the_district_has_no_live_curves() {
        LoginSupport.loginAs(users, "clerk2");
        assertThatThrownBy(() -> history.recentSamples(meterId)).isInstanceOf(DomainException.class);
    }

    private void deleteRecentReadings(Instant now) {
        jdbc.update("delete from reading where meter_id = ? and read_at >= ?", meterId,
                Timestamp.from(now.minus(MeterHistoryService.RECENT_WINDOW).minus(Duration.ofHours(1))));
    }

    private void store(Instant readAt, String item, String value) {
        jdbc.update("insert into reading (meter_id, item, value, meter_time, read_at, source) values (?, ?, ?, null, ?, 'CYCLE')",
                meterId, item, new BigDecimal(value), Timestamp.from(readAt));
    }

    private void cycle(String shanghaiTime, String item, String value) {
        jdbc.update("insert into reading (meter_id, item, value, meter_time, read_at, source) values (?, ?, ?, null, ?, 'CYCLE')",
                meterId, item, new BigDecimal(value), Timestamp.from(shanghai(shanghaiTime)));
    }

    private void backfill(String shanghaiTime, String value) {
        LocalDateTime freezeUtc = LocalDateTime.ofInstant(shanghai(shanghaiTime), ZoneOffset.UTC);
        jdbc.update("insert into reading (meter_id, item, value, meter_time, read_at, source) values (?, 'ACTIVE_ENERGY', ?, ?, ?, 'BACKFILL')",
                meterId, new BigDecimal(value), freezeUtc, Timestamp.from(shanghai("2025-03-02T09:00")));
    }

    private static java.time.Instant shanghai(String localTime) {
        return LocalDateTime.parse(localTime).atZone(TimeConfiguration.DISPLAY_ZONE).toInstant();
    }
}
