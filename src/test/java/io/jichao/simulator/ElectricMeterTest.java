package io.jichao.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Meter physics against a hand-moved clock: overload, credit, freezes, energy. */
class ElectricMeterTest {

    private static final ZoneId ZONE = SimulatorConfig.DEFAULT_ZONE;
    /** Midnight of 2024-05-17 in the meters' zone. */
    private static final Instant MIDNIGHT = LocalDateTime.of(2024, 5, 17, 0, 0).atZone(ZONE).toInstant();

    private final SimulationClock.Manual clock = SimulationClock.manual(MIDNIGHT);

    private ElectricMeter meter(MeterConfig config) {
        return new ElectricMeter(config, clock, ZONE, 7);
    }

    private static MeterConfig flat(String kw) {
        return MeterConfig.of("123456789012").withLoad(LoadProfile.FLAT, kw, kw, 0);
    }

    @Test
    void overload_trips_the_relay_within_five_seconds_and_restores_it_after_three_minutes() {
        ElectricMeter meter = meter(flat("1").withOverload(new BigDecimal("10"), BigDecimal.ZERO));

        meter.overrideLoad(new BigDecimal("15"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(meter.relayState()).isEqualTo(RelayState.CLOSED);
        clock.advance(Duration.ofSeconds(4));
        assertThat(meter.relayState()).isEqualTo(RelayState.OPEN_FOR_OVERLOAD);
        assertThat(meter.statusWord(3) & 0x10).isEqualTo(0x10);
        assertThat(meter.readings().totalPowerKw()).isZero();

        meter.clearLoadOverride();
        clock.advance(Duration.ofSeconds(170));
        assertThat(meter.relayState()).isEqualTo(RelayState.OPEN_FOR_OVERLOAD);
        clock.advance(Duration.ofSeconds(10));
        assertThat(meter.relayState()).isEqualTo(RelayState.CLOSED);
        assertThat(meter.overloadTrips()).containsExactly(LocalDateTime.of(2024, 5, 17, 0, 0));
        assertThat(meter.overloadRestores()).containsExactly(LocalDateTime.of(2024, 5, 17, 0, 3));
    }

    @Test
    void a_sudden_power_jump_trips_even_below_the_maximum_and_the_restore_is_not_a_new_jump() {
        ElectricMeter meter = meter(flat("1").withOverload(new BigDecimal("30"), new BigDecimal("5")));

        meter.overrideLoad(new BigDecimal("8"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(meter.relayState()).isEqualTo(RelayState.OPEN_FOR_OVERLOAD);

        clock.advance(Duration.ofMinutes(3).plusSeconds(10));
        assertThat(meter.relayState()).isEqualTo(RelayState.CLOSED);
        assertThat(meter.overloadTrips()).hasSize(1);
    }

    @Test
    void the_meter_counts_its_trips_and_records_the_last_ones_start_restore_and_cause() {
        ElectricMeter meter = meter(flat("1").withOverload(new BigDecimal("10"), new BigDecimal("5")));
        assertThat(meter.overloadTripCount()).isZero();
        assertThat(meter.lastOverloadTrip()).isNull();

        meter.overrideLoad(new BigDecimal("15"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(meter.overloadTripCount()).isEqualTo(1);
        assertThat(meter.lastOverloadTrip()).isEqualTo(new ElectricMeter.OverloadTrip(
                LocalDateTime.of(2024, 5, 17, 0, 0, 2), null, false));

        meter.clearLoadOverride();
        clock.advance(Duration.ofMinutes(3));
        assertThat(meter.lastOverloadTrip()).isEqualTo(new ElectricMeter.OverloadTrip(
                LocalDateTime.of(2024, 5, 17, 0, 0, 2), LocalDateTime.of(2024, 5, 17, 0, 3, 2), false));

        // 1 kW → 8 kW stays below the maximum: a sudden-power trip.
        meter.overrideLoad(new BigDecimal("8"));
        clock.advance(Duration.ofMinutes(4));
        assertThat(meter.overloadTripCount()).isEqualTo(2);
        ElectricMeter.OverloadTrip sudden = meter.lastOverloadTrip();
        assertThat(sudden.suddenPower()).isTrue();
        assertThat(sudden.restore()).isEqualTo(sudden.start().plusMinutes(3));
    }

    @Test
    void a_load_that_stays_above_the_maximum_trips_again_after_each_restore() {
        ElectricMeter meter = meter(flat("1").withOverload(new BigDecimal("10"), BigDecimal.ZERO));

        meter.overrideLoad(new BigDecimal("12"));
        clock.advance(Duration.ofMinutes(3).plusSeconds(4));

        assertThat(meter.relayState()).isEqualTo(RelayState.OPEN_FOR_OVERLOAD);
        assertThat(meter.overloadTrips()).hasSize(2);
        assertThat(meter.overloadRestores()).hasSize(1);
        assertThat(meter.overloadTripCount()).isEqualTo(2);
        assertThat(meter.lastOverloadTrip().restore()).as("the second trip is still on").isNull();
    }

    @Test
    void relay_opens_when_the_remaining_energy_reaches_zero_and_metering_stops() {
        ElectricMeter meter = meter(flat("2").withRemainingKwh(new BigDecimal("1")));

        clock.advance(Duration.ofMinutes(29));
        assertThat(meter.relayState()).isEqualTo(RelayState.CLOSED);
        assertThat(meter.remainingKwh()).isEqualByComparingTo("0.03");

        clock.advance(Duration.ofMinutes(2));
        assertThat(meter.relayState()).isEqualTo(RelayState.OPEN_NO_CREDIT);
        assertThat(meter.remainingKwh()).isEqualByComparingTo("0.00");
        assertThat(meter.forwardTotalKwh()).isEqualByComparingTo("1.00");
        assertThat(meter.statusWord(3) & 0x10).isEqualTo(0x10);

        clock.advance(Duration.ofHours(1));
        assertThat(meter.forwardTotalKwh()).isEqualByComparingTo("1.00");
    }

    @Test
    void recharge_adds_energy_counts_the_purchase_and_closes_a_relay_opened_for_no_credit() {
        ElectricMeter meter = meter(flat("2").withRemainingKwh(new BigDecimal("0.5")));
        clock.advance(Duration.ofMinutes(20));
        assertThat(meter.relayState()).isEqualTo(RelayState.OPEN_NO_CREDIT);

        assertThat(meter.recharge(new BigDecimal("50.00"))).isTrue();

        assertThat(meter.relayState()).isEqualTo(RelayState.CLOSED);
        assertThat(meter.remainingKwh()).isEqualByComparingTo("50.00");
        assertThat(meter.purchaseCount()).isEqualTo(1);
        assertThat(meter.cumulativePurchaseKwh()).isEqualByComparingTo("50.00");
        clock.advance(Duration.ofMinutes(30));
        assertThat(meter.remainingKwh()).isEqualByComparingTo("49.00");
    }

    @Test
    void hourly_and_daily_freezes_are_kept_newest_first_within_their_limits() {
        ElectricMeter meter = meter(flat("1").withInitialEnergyKwh(new BigDecimal("100")));

        clock.advance(Duration.ofHours(49));

        List<FreezeRecord> hourly = meter.hourlyFreezes();
        assertThat(hourly).hasSize(MeterHistory.HOURLY_FREEZES);
        assertThat(hourly.getFirst().time()).isEqualTo(LocalDateTime.of(2024, 5, 19, 1, 0));
        assertThat(hourly.getFirst().forwardTotal()).isEqualByComparingTo("149.00");
        assertThat(hourly.get(1).forwardTotal()).isEqualByComparingTo("148.00");
        List<FreezeRecord> daily = meter.dailyFreezes();
        assertThat(daily).extracting(FreezeRecord::time)
                .containsExactly(LocalDateTime.of(2024, 5, 19, 0, 0), LocalDateTime.of(2024, 5, 18, 0, 0));
        assertThat(daily.getFirst().forwardTotal()).isEqualByComparingTo("148.00");
        assertThat(daily.getFirst().forward().subList(1, 5).stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(daily.getFirst().forwardTotal());
    }

    @Test
    void freezes_follow_the_meter_clock_when_it_drifts() {
        ElectricMeter meter = meter(flat("1"));
        meter.setClockDrift(Duration.ofMinutes(10));

        clock.advance(Duration.ofMinutes(55));

        assertThat(meter.hourlyFreezes()).extracting(FreezeRecord::time)
                .containsExactly(LocalDateTime.of(2024, 5, 17, 1, 0));
        assertThat(meter.meterTime()).isEqualTo(LocalDateTime.of(2024, 5, 17, 1, 5));
    }

    @Test
    void energy_grows_monotonically_and_matches_the_integral_of_the_demand() {
        ElectricMeter meter = meter(MeterConfig.of("123456789012").withLoad(LoadProfile.OFFICE, "0.5", "9", 0.1));
        BigDecimal start = meter.forwardTotalKwh();
        double integral = 0;
        BigDecimal previous = start;
        for (int minute = 0; minute < 24 * 60; minute++) {
            integral += meter.demandKw().doubleValue() / 60;
            clock.advance(Duration.ofMinutes(1));
            BigDecimal now = meter.forwardTotalKwh();
            assertThat(now).isGreaterThanOrEqualTo(previous);
            previous = now;
        }
        assertThat(previous.subtract(start).doubleValue()).isCloseTo(integral, within(0.02));
        assertThat(integral).isGreaterThan(24 * 0.5);
    }

    @Test
    void instantaneous_values_are_consistent_with_the_power() {
        ElectricMeter meter = meter(MeterConfig.of("123456789012").withLoad(LoadProfile.SHOP, "2", "12", 0.05));
        clock.advance(Duration.ofHours(12));

        MeterReadings readings = meter.readings();

        BigDecimal phaseSum = readings.phasePowersKw().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(phaseSum).isEqualByComparingTo(readings.totalPowerKw());
        assertThat(readings.totalPowerKw()).isEqualByComparingTo(meter.demandKw());
        for (int phase = 0; phase < 3; phase++) {
            double expectedAmps = readings.phasePowersKw().get(phase).doubleValue() * 1000
                    / (readings.voltages().get(phase).doubleValue() * readings.totalPowerFactor().doubleValue());
            assertThat(readings.currents().get(phase).doubleValue()).isCloseTo(expectedAmps, within(0.05));
            assertThat(readings.voltages().get(phase).doubleValue()).isBetween(210.0, 230.0);
        }
    }

    @Test
    void used_energy_always_equals_the_credit_spent_for_random_prepaid_meters() {
        SplittableRandom random = new SplittableRandom(20240517);
        for (int trial = 0; trial < 25; trial++) {
            LoadProfile profile = LoadProfile.values()[random.nextInt(LoadProfile.values().length)];
            double base = random.nextDouble(0, 2);
            double peak = base + random.nextDouble(0, 8);
            BigDecimal credit = BigDecimal.valueOf(random.nextInt(1, 300));
            ElectricMeter meter = new ElectricMeter(MeterConfig.of("000000000001")
                    .withLoad(profile, String.format("%.3f", base), String.format("%.3f", peak), random.nextDouble(0, 0.3))
                    .withRemainingKwh(credit)
                    .withReverseShare(random.nextDouble(0, 0.2)), clock, ZONE, random.nextLong());
            BigDecimal startEnergy = meter.forwardTotalKwh();
            for (int step = 0; step < 10; step++) {
                clock.advance(Duration.ofMinutes(random.nextInt(1, 600)));
                BigDecimal used = meter.forwardTotalKwh().subtract(startEnergy);
                BigDecimal spent = credit.subtract(meter.remainingKwh());
                assertThat(used.subtract(spent).abs()).as("trial %d step %d", trial, step)
                        .isLessThanOrEqualTo(new BigDecimal("0.02"));
                assertThat(meter.relayState() == RelayState.OPEN_NO_CREDIT)
                        .isEqualTo(meter.remainingKwh().signum() == 0);
                assertThat(meter.reverseKwh().getFirst()).isLessThanOrEqualTo(used.add(new BigDecimal("0.01")));
            }
        }
    }
}
