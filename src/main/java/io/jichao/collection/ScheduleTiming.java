package io.jichao.collection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.jichao.shared.DomainException;

/**
 * When a reading schedule runs: every N minutes, counted from the end of the previous run (so runs
 * never pile up behind a slow bus), or once a day at a local time of day (Asia/Shanghai, what the
 * operators and the meters' freezes go by).
 */
public sealed interface ScheduleTiming {

    int MAX_INTERVAL_MINUTES = 1440;

    /** The zone of daily times: the site's and the meters' local time. */
    ZoneId LOCAL_ZONE = ZoneId.of("Asia/Shanghai");

    /** The next start after a run that ended at {@code finished}. */
    Instant next(Instant finished, ZoneId zone);

    /** The first start of a schedule that has no planned run yet (new, or just changed). */
    Instant first(Instant now, ZoneId zone);

    /** How far apart the runs are at most. */
    Duration period();

    record Every(int minutes) implements ScheduleTiming {

        public Every {
            if (minutes < 1 || minutes > MAX_INTERVAL_MINUTES) {
                throw new DomainException("error.schedule.interval", 1, MAX_INTERVAL_MINUTES);
            }
        }

        @Override
        public Instant next(Instant finished, ZoneId zone) {
            return finished.plus(Duration.ofMinutes(minutes));
        }

        @Override
        public Instant first(Instant now, ZoneId zone) {
            return now;
        }

        @Override
        public Duration period() {
            return Duration.ofMinutes(minutes);
        }
    }

    /** Daily at {@code time} (to the minute) in the given zone. */
    record DailyAt(LocalTime time) implements ScheduleTiming {

        public DailyAt {
            if (time == null) {
                throw new DomainException("error.schedule.time");
            }
            time = time.withSecond(0).withNano(0);
        }

        /** The first time of day strictly after {@code finished}: today's if still ahead, else tomorrow's. */
        @Override
        public Instant next(Instant finished, ZoneId zone) {
            ZonedDateTime today = finished.atZone(zone).toLocalDate().atTime(time).atZone(zone);
            return today.toInstant().isAfter(finished) ? today.toInstant() : today.plusDays(1).toInstant();
        }

        @Override
        public Instant first(Instant now, ZoneId zone) {
            return next(now, zone);
        }

        @Override
        public Duration period() {
            return Duration.ofDays(1);
        }
    }
}
