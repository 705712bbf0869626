package io.jichao.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** The outbox's pure timing rules: back-off between attempts and the end of quiet hours. */
final class Backoff {

    private Backoff() {
    }

    /** The wait after {@code failures} failed attempts: min, doubling, capped at max. */
    static Duration after(int failures, Duration min, Duration max) {
        Duration wait = min;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /**
     * When the quiet hours around {@code now} end, or empty when {@code now} is outside them. The
     * hours may span midnight (22:00-07:00); start equal to end means none.
     */
    static Optional<Instant> quietUntil(Instant now, LocalTime start, LocalTime end, ZoneId zone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end)
                    ? Optional.of(day.atTime(end).atZone(zone).toInstant()) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(day.plusDays(1).atTime(end).atZone(zone).toInstant());
        }
        if (time.isBefore(end)) {
            return Optional.of(day.atTime(end).atZone(zone).toInstant());
        }
        return Optional.empty();
    }
}
