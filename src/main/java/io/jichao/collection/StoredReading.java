package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;

/** One row of {@code reading}, as buffered by the {@link ReadingWriter}. */
public record StoredReading(long meterId, ReadingItem item, BigDecimal value, LocalDateTime meterTime, Instant readAt,
                            ReadingSource source) {

    /**
     * The rows of one read. A daily freeze is the meter's own record, not a value of this moment,
     * so it is always stored as FREEZE whatever {@code source} the read had.
     */
    static java.util.List<StoredReading> of(MeterReadResult result, ReadingSource source) {
        return result.values().stream()
                .map(v -> new StoredReading(result.meterId(), v.item(), v.value(), v.meterTime(), result.readAt(),
                        v.item() == ReadingItem.DAILY_FREEZE ? ReadingSource.FREEZE : source))
                .toList();
    }
}
