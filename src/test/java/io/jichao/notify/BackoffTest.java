package io.jichao.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime TEN_PM = LocalTime.of(22, 0);
    private static final LocalTime SEVEN_AM = LocalTime.of(7, 0);

    @Test
    void the_wait_doubles_per_failure_up_to_the_maximum() {
        Duration min = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(5);
        assertThat(Backoff.after(1, min, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, min, max)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.after(3, min, max)).isEqualTo(Duration.ofSeconds(120));
        assertThat(Backoff.after(4, min, max)).isEqualTo(Duration.ofSeconds(240));
        assertThat(Backoff.after(5, min, max)).isEqualTo(max);
        assertThat(Backoff.after(50, min, max)).isEqualTo(max);
    }

    @Test
    void quiet_hours_over_midnight_end_the_next_morning_in_shanghai() {
        // 23:30 Shanghai = 15:30 UTC; quiet until 07:00 Shanghai the next day = 23:00 UTC.
        assertThat(Backoff.quietUntil(Instant.parse("2026-03-01T15:30:00Z"), TEN_PM, SEVEN_AM, SHANGHAI))
                .contains(Instant.parse("2026-03-01T23:00:00Z"));
        // 06:59 Shanghai: quiet until 07:00 the same morning.
        assertThat(Backoff.quietUntil(Instant.parse("2026-03-01T22:59:00Z"), TEN_PM, SEVEN_AM, SHANGHAI))
                .contains(Instant.parse("2026-03-01T23:00:00Z"));
    }

    @Test
    void daytime_is_not_quiet_and_equal_bounds_mean_no_quiet_hours() {
        assertThat(Backoff.quietUntil(Instant.parse("2026-03-01T23:00:00Z"), TEN_PM, SEVEN_AM, SHANGHAI)).isEmpty();
        assertThat(Backoff.quietUntil(Instant.parse("2026-03-01T06:00:00Z"), TEN_PM, SEVEN_AM, SHANGHAI)).isEmpty();
        assertThat(Backoff.quietUntil(Instant.parse("2026-03-01T15:30:00Z"), SEVEN_AM, SEVEN_AM, SHANGHAI)).isEmpty();
    }

    @Test
    void quiet_hours_within_one_day_end_that_day() {
        LocalTime noon = LocalTime.NOON;
        LocalTime two = LocalTime.of(14, 0);
        assertThat(Backoff.quietUntil(Instant.parse("2026-03-01T04:30:00Z"), noon, two, SHANGHAI))
                .contains(Instant.parse("2026-03-01T06:00:00Z"));
        assertThat(Backoff.quietUntil(Instant.parse("2026-03-01T06:00:00Z"), noon, two, SHANGHAI)).isEmpty();
    }
}
