package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.jichao.shared.DomainException;

/** Next-run computation of reading schedules, with fixed instants (what an injected clock gives). */
class ScheduleTimingTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant shanghai(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(SHANGHAI).toInstant();
    }

    @Test
    void an_interval_counts_from_the_end_of_the_previous_run() {
        Instant finished = Instant.parse("2026-12-01T07:03:41Z");

        assertThat(new ScheduleTiming.Every(15).next(finished, SHANGHAI)).isEqualTo(Instant.parse("2026-12-01T07:18:41Z"));
        assertThat(new ScheduleTiming.Every(1440).next(finished, SHANGHAI)).isEqualTo(finished.plus(Duration.ofDays(1)));
    }

    @Test
    void a_new_interval_schedule_runs_at_once() {
        Instant now = Instant.parse("2026-12-01T07:03:41Z");

        assertThat(new ScheduleTiming.Every(5).first(now, SHANGHAI)).isEqualTo(now);
    }

    @Test
    void a_daily_time_still_ahead_today_is_today_in_shanghai() {
        ScheduleTiming daily = new ScheduleTiming.DailyAt(LocalTime.of(0, 15));

        assertThat(daily.next(shanghai(2026, 12, 1, 0, 5, 0), SHANGHAI)).isEqualTo(shanghai(2026, 12, 1, 0, 15, 0));
    }

    @Test
    void a_daily_run_after_shanghai_midnight_is_planned_for_the_next_day_even_when_utc_is_still_yesterday() {
        ScheduleTiming daily = new ScheduleTiming.DailyAt(LocalTime.of(0, 15));
        // 00:16:30 in Shanghai is 16:16:30 UTC of the day before.
        Instant finished = Instant.parse("2026-11-30T16:16:30Z");

        Instant next = daily.next(finished, SHANGHAI);

        assertThat(next).isEqualTo(shanghai(2026, 12, 2, 0, 15, 0)).isEqualTo(Instant.parse("2026-12-01T16:15:00Z"));
    }

    @Test
    void a_daily_run_that_ends_exactly_at_its_time_is_planned_for_the_next_day() {
        ScheduleTiming daily = new ScheduleTiming.DailyAt(LocalTime.of(0, 15));

        assertThat(daily.next(shanghai(2026, 12, 1, 0, 15, 0), SHANGHAI)).isEqualTo(shanghai(2026, 12, 2, 0, 15, 0));
    }

    @Test
    void a_daily_midnight_schedule_crosses_the_year_in_shanghai() {
        ScheduleTiming midnight = new ScheduleTiming.DailyAt(LocalTime.MIDNIGHT);

        assertThat(midnight.first(shanghai(2026, 12, 31, 23, 59, 59), SHANGHAI))
                .isEqualTo(shanghai(2027, 1, 1, 0, 0, 0)).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    void a_daily_time_keeps_only_hours_and_minutes() {
        assertThat(new ScheduleTiming.DailyAt(LocalTime.of(0, 15, 42)).time()).isEqualTo(LocalTime.of(0, 15));
    }

    @Test
    void intervals_outside_one_minute_to_one_day_are_refused() {
        assertThatThrownBy(() -> new ScheduleTiming.Every(0)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.schedule.interval");
        assertThatThrownBy(() -> new ScheduleTiming.Every(1441)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new ScheduleTiming.DailyAt(null)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.schedule.time");
    }
}
