package io.jichao.collection.control;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The engine's relay decision for gentle cut-off, pure and clocked: outside friendly time a
 * prepaid meter whose remaining energy is at or below its alarm level 2 (zero when it has none)
 * is put in keep-power, so its own zero-credit trip cannot cut the household at night, at the
 * weekend or on a holiday; once friendly time starts every held meter is released, and a meter
 * without credit then trips by itself.
 */
public final class GentleCutoffPolicy {

    /** What to do with one meter now. */
    public enum Action { HOLD, RELEASE, NONE }

    /** A prepaid meter's latest remaining energy and its alarm level 2 (null: none set). */
    public record Credit(long meterId, BigDecimal remainingKwh, BigDecimal level2Kwh) {

        public BigDecimal thresholdKwh() {
            return level2Kwh == null ? BigDecimal.ZERO : level2Kwh;
        }

        public boolean low() {
            return remainingKwh.compareTo(thresholdKwh()) <= 0;
        }
    }

    private final Clock clock;
    private final ZoneId zone;

    public GentleCutoffPolicy(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Empty in friendly time (cut-off allowed), else why not. */
    public Optional<FriendlyHours.Quiet> quietNow(FriendlyHours hours) {
        return hours.quiet(LocalDateTime.ofInstant(clock.instant(), zone));
    }

    public boolean cutOffAllowedNow(FriendlyHours hours) {
        return quietNow(hours).isEmpty();
    }

    /** {@code held}: the engine holds this meter in keep-power now. */
    public Action decide(FriendlyHours hours, Credit credit, boolean held) {
        if (cutOffAllowedNow(hours)) {
            return held ? Action.RELEASE : Action.NONE;
        }
        return !held && credit != null && credit.low() ? Action.HOLD : Action.NONE;
    }
}
