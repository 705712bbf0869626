package io.jichao.simulator;

import java.time.Instant;
import java.time.LocalTime;
import java.util.SplittableRandom;

/**
 * A household's demand: the profile's value for the time of day plus noise that is a pure
 * function of (seed, minute, channel), so any minute gives the same demand however often and in
 * whatever order it is asked for.
 */
final class LoadModel {

    static final int DEMAND = 0;
    static final int VOLTAGE_A = 1;
    static final int POWER_FACTOR = 4;
    static final int FREQUENCY = 5;

    private final LoadProfile profile;
    private final double baseKw;
    private final double peakKw;
    private final double noise;
    private final long seed;

    LoadModel(LoadProfile profile, double baseKw, double peakKw, double noise, long seed) {
        this.profile = profile;
        this.baseKw = baseKw;
        this.peakKw = peakKw;
        this.noise = noise;
        this.seed = seed;
    }

    /** The demand during the minute starting at {@code minuteStart}; never negative. */
    double demandKw(Instant minuteStart, LocalTime meterTime) {
        double kw = baseKw + (peakKw - baseKw) * profile.fraction(meterTime);
        if (noise > 0) {
            kw *= 1 + noise * gaussian(minuteStart, DEMAND);
        }
        return Math.max(0, kw);
    }

    /** A standard normal value, clamped to ±3, for one minute and one quantity. */
    double gaussian(Instant time, int channel) {
        long minute = Math.floorDiv(time.getEpochSecond(), 60);
        long mixed = seed * 0x9E3779B97F4A7C15L + minute * 0xBF58476D1CE4E5B9L + channel * 0x94D049BB133111EBL;
        double value = new SplittableRandom(mixed).nextGaussian();
        return Math.max(-3, Math.min(3, value));
    }
}
