package io.jichao.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.jichao.shared.Kwh;

class PinLockTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Test
    void the_fifth_wrong_pin_in_a_row_locks_the_household_for_the_lockout_and_then_it_opens_again() {
        PinLock lock = new PinLock(1);
        for (int i = 0; i < 4; i++) {
            lock.recordFailure(NOW, 5, LOCKOUT);
        }
        assertThat(lock.isLockedAt(NOW)).isFalse();

        lock.recordFailure(NOW, 5, LOCKOUT);

        assertThat(lock.isLockedAt(NOW.plus(LOCKOUT).minusSeconds(1))).isTrue();
        assertThat(lock.isLockedAt(NOW.plus(LOCKOUT))).isFalse();
    }

    @Test
    void a_successful_sign_in_clears_the_count_of_wrong_pins() {
        PinLock lock = new PinLock(1);
        for (int i = 0; i < 4; i++) {
            lock.recordFailure(NOW, 5, LOCKOUT);
        }
        lock.clear();
        lock.recordFailure(NOW, 5, LOCKOUT);

        assertThat(lock.isLockedAt(NOW)).isFalse();
        assertThat(lock.getFailedAttempts()).isEqualTo(1);
    }

    @Test
    void a_kiosk_pauses_after_its_own_limit_of_wrong_pins_whatever_the_rooms() {
        KioskDevice device = new KioskDevice(1, "lobby", "hash", "super", NOW);
        for (int i = 0; i < 19; i++) {
            device.recordFailedPin(NOW, 20, Duration.ofMinutes(10));
        }
        assertThat(device.isLockedAt(NOW)).isFalse();

        device.recordFailedPin(NOW, 20, Duration.ofMinutes(10));

        assertThat(device.isLockedAt(NOW.plusSeconds(599))).isTrue();
        assertThat(device.isLockedAt(NOW.plusSeconds(600))).isFalse();
    }

    @Test
    void days_left_divide_the_remaining_energy_by_the_mean_of_the_recent_days_with_data() {
        List<ResidentOverview.DayUsage> usage = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 5, 1);
        for (int i = 0; i < 23; i++) {
            usage.add(new ResidentOverview.DayUsage(day.plusDays(i), Optional.of(Kwh.of("50.00"))));
        }
        for (String kwh : new String[] {"2.00", null, "4.00", null, "3.00", "3.00", "3.00"}) {
            usage.add(new ResidentOverview.DayUsage(day.plusDays(usage.size()),
                    Optional.ofNullable(kwh).map(Kwh::of)));
        }

        // Last 7 days: 15 kWh over 5 days with data = 3 a day; the 50 kWh days before do not count.
        assertThat(ResidentDataService.daysLeft(Kwh.of("31.00"), usage)).contains(new BigDecimal("10"));
    }

    @Test
    void days_left_are_unknown_without_recent_usage_and_never_negative() {
        List<ResidentOverview.DayUsage> none = List.of(
                new ResidentOverview.DayUsage(LocalDate.of(2026, 5, 1), Optional.empty()),
                new ResidentOverview.DayUsage(LocalDate.of(2026, 5, 2), Optional.of(Kwh.ZERO)));
        assertThat(ResidentDataService.daysLeft(Kwh.of("10.00"), none)).isEmpty();

        List<ResidentOverview.DayUsage> some = List.of(
                new ResidentOverview.DayUsage(LocalDate.of(2026, 5, 1), Optional.of(Kwh.of("2.00"))));
        assertThat(ResidentDataService.daysLeft(Kwh.of("-3.00"), some)).contains(BigDecimal.ZERO);
    }
}
