package io.jichao.collection.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.jichao.collection.control.FriendlyHours.Quiet;
import io.jichao.collection.control.GentleCutoffPolicy.Action;
import io.jichao.collection.control.GentleCutoffPolicy.Credit;
import io.jichao.shared.DomainException;

/** The gentle cut-off decision at fixed moments, China time (2026-12-01 is a Tuesday). */
class GentleCutoffPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final FriendlyHours OFFICE = new FriendlyHours(FriendlyHours.parseWindows("08:00-17:00"), false,
            Set.of(LocalDate.of(2026, 10, 1)));
    private static final Credit EMPTY = new Credit(1, BigDecimal.ZERO, null);
    private static final Credit LOW = new Credit(2, new BigDecimal("4.99"), new BigDecimal("5.00"));
    private static final Credit AMPLE = new Credit(3, new BigDecimal("80"), new BigDecimal("5.00"));

    private static GentleCutoffPolicy at(int year, int month, int day, int hour, int minute) {
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute);
        return new GentleCutoffPolicy(Clock.fixed(local.atZone(SHANGHAI).toInstant(), ZoneOffset.UTC), SHANGHAI);
    }

    @Test
    void a_low_meter_is_held_at_night_and_released_in_friendly_time() {
        GentleCutoffPolicy night = at(2026, 12, 1, 22, 0);
        assertThat(night.quietNow(OFFICE)).contains(Quiet.OUTSIDE_HOURS);
        assertThat(night.decide(OFFICE, EMPTY, false)).isEqualTo(Action.HOLD);
        assertThat(night.decide(OFFICE, LOW, false)).isEqualTo(Action.HOLD);
        assertThat(night.decide(OFFICE, EMPTY, true)).as("already held").isEqualTo(Action.NONE);
        assertThat(night.decide(OFFICE, AMPLE, false)).isEqualTo(Action.NONE);

        GentleCutoffPolicy morning = at(2026, 12, 2, 9, 30);
        assertThat(morning.cutOffAllowedNow(OFFICE)).isTrue();
        assertThat(morning.decide(OFFICE, EMPTY, true)).isEqualTo(Action.RELEASE);
        assertThat(morning.decide(OFFICE, EMPTY, false)).as("the meter's own trip may act").isEqualTo(Action.NONE);
    }

    @Test
    void the_window_starts_inclusive_and_ends_exclusive() {
        assertThat(at(2026, 12, 1, 7, 59).cutOffAllowedNow(OFFICE)).isFalse();
        assertThat(at(2026, 12, 1, 8, 0).cutOffAllowedNow(OFFICE)).isTrue();
        assertThat(at(2026, 12, 1, 16, 59).cutOffAllowedNow(OFFICE)).isTrue();
        assertThat(at(2026, 12, 1, 17, 0).cutOffAllowedNow(OFFICE)).isFalse();
    }

    @Test
    void weekends_and_holidays_are_quiet_all_day_unless_weekends_are_allowed() {
        assertThat(at(2026, 12, 5, 10, 0).quietNow(OFFICE)).contains(Quiet.WEEKEND);
        assertThat(at(2026, 12, 6, 10, 0).decide(OFFICE, EMPTY, false)).isEqualTo(Action.HOLD);
        assertThat(at(2026, 10, 1, 10, 0).quietNow(OFFICE)).as("a Thursday holiday").contains(Quiet.HOLIDAY);
        FriendlyHours weekends = new FriendlyHours(OFFICE.windows(), true, OFFICE.holidays());
        assertThat(at(2026, 12, 5, 10, 0).quietNow(weekends)).isEqualTo(Optional.empty());
        assertThat(at(2026, 12, 5, 20, 0).quietNow(weekends)).contains(Quiet.OUTSIDE_HOURS);
    }

    @Test
    void the_china_date_decides_not_the_utc_date() {
        // 2026-12-05 07:30 in Shanghai is still Friday 23:30 UTC: the weekend has begun in China.
        assertThat(at(2026, 12, 5, 7, 30).quietNow(new FriendlyHours(FriendlyHours.parseWindows("00:00-23:59"), false,
                Set.of()))).contains(Quiet.WEEKEND);
    }

    @Test
    void several_windows_are_read_from_text_and_bad_text_is_refused() {
        FriendlyHours split = new FriendlyHours(FriendlyHours.parseWindows(" 08:00-12:00, 14:00-17:30 "), false,
                Set.of());
        assertThat(split.windowsText()).isEqualTo("08:00-12:00, 14:00-17:30");
        assertThat(at(2026, 12, 1, 13, 0).cutOffAllowedNow(split)).isFalse();
        assertThat(at(2026, 12, 1, 17, 15).cutOffAllowedNow(split)).isTrue();
        assertThat(FriendlyHours.parseWindows("")).isEqualTo(List.of());
        assertThatThrownBy(() -> FriendlyHours.parseWindows("17:00-08:00")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> FriendlyHours.parseWindows("8 to 5")).isInstanceOf(DomainException.class);
    }
}
