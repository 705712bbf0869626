package io.jichao.prepaid;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored forward active register reading (kWh, as the meter shows it, before CT × PT) and when it was taken. */
public record RegisterReading(Instant readAt, BigDecimal registerKwh) {
}
