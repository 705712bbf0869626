package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;

/** One row of {@code reading}, as buffered by the {@link ReadingWriter}. */
public record StoredReading(long meterId, ReadingItem item, BigDecimal value, LocalDateTime meterTime, Instant readAt,
                            ReadingSource source) {

    static java.util.List<StoredReading> of(MeterReadResult result, ReadingSource source) {
        return result.values().stream()
                .map(v -> new StoredReading(result.meterId(), v.item(), v.value(), v.meterTime(), result.readAt(), source))
                .toList();
    }
}
