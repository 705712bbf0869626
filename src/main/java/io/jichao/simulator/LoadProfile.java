package io.jichao.simulator;

import java.time.LocalTime;

/**
 * The shape of a household's demand over a day: for each hour a fraction between the meter's
 * base load (0) and its peak load (1), interpolated linearly inside the hour. FLAT stays at the
 * base load all day, which makes energy exactly predictable in tests.
 */
public enum LoadProfile {
    OFFICE(0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.7, 0.95, 1.0, 1.0,
            0.8, 0.9, 1.0, 1.0, 0.95, 0.8, 0.5, 0.3, 0.2, 0.1, 0.05, 0.05),
    SHOP(0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 0.85, 0.9,
            0.9, 0.85, 0.85, 0.9, 0.9, 0.95, 1.0, 1.0, 1.0, 0.9, 0.5, 0.1),
    RESIDENTIAL(0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.4, 0.7, 0.5, 0.25, 0.2, 0.3,
            0.45, 0.3, 0.2, 0.2, 0.25, 0.45, 0.8, 1.0, 0.95, 0.8, 0.55, 0.3),
    FLAT(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final double[] hourly;

    LoadProfile(double... hourly) {
        this.hourly = hourly;
    }

    /** 0 = base load, 1 = peak load, at this time of day. */
    public double fraction(LocalTime time) {
        int hour = time.getHour();
        double within = (time.getMinute() * 60 + time.getSecond()) / 3600.0;
        double from = hourly[hour];
        double to = hourly[(hour + 1) % 24];
        return from + (to - from) * within;
    }
}
