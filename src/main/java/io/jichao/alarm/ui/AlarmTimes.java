package io.jichao.alarm.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import io.jichao.shared.TimeConfiguration;

/** Alarm times as people read them: Asia/Shanghai, to the second. */
final class AlarmTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private AlarmTimes() {
    }

    static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
