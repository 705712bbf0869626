package io.jichao.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time, which every meter integrates its energy over. Tests use a {@link Manual} clock
 * and move it themselves; a running simulator uses a {@link Scaled} clock that runs
 * {@code timeScale} times faster than real time. Meters catch up lazily whenever they are asked,
 * and because their behaviour is a function of simulated time alone, catching up late gives the
 * same freezes, trips and energies as having ticked all along.
 */
public sealed interface SimulationClock permits SimulationClock.Manual, SimulationClock.Scaled {

    Instant now();

    static Manual manual(Instant start) {
        return new Manual(start);
    }

    static Scaled scaled(Instant start, double timeScale) {
        return new Scaled(start, timeScale);
    }

    /** Stands still until moved; thread-safe. */
    final class Manual implements SimulationClock {
        private volatile Instant now;

        private Manual(Instant start) {
            this.now = start;
        }

        @Override
        public Instant now() {
            return now;
        }

        public synchronized void advance(Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("simulated time never runs backwards: " + duration);
            }
            now = now.plus(duration);
        }
    }

    /** Starts at {@code start} and runs {@code timeScale} simulated seconds per real second. */
    final class Scaled implements SimulationClock {
        private final Instant start;
        private final double timeScale;
        private final long startNanos = System.nanoTime();

        private Scaled(Instant start, double timeScale) {
            if (!(timeScale > 0)) {
                throw new IllegalArgumentException("timeScale must be positive: " + timeScale);
            }
            this.start = start;
            this.timeScale = timeScale;
        }

        @Override
        public Instant now() {
            long elapsed = System.nanoTime() - startNanos;
            return start.plusNanos((long) (elapsed * timeScale));
        }

        public double timeScale() {
            return timeScale;
        }
    }
}
