package io.jichao.prepaid;

import java.time.ZonedDateTime;

import io.jichao.shared.Kwh;

/** Energy used in the hour starting at {@code hourStart} (any zone; priced in Asia/Shanghai). */
public record HourlyUsage(ZonedDateTime hourStart, Kwh energy) {
}
