package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.jichao.protocol.dlt645.MeterProfile;

/**
 * Decodes the profile's "last overload trip" record (DHDSY 04A00402: trip start YYMMDDhhmmss,
 * restore YYMMDDhhmmss or 0 while tripped, cause code) into reading values: {@link
 * ReadingItem#LAST_OVERLOAD_TRIP} (cause, start as meter time) and, once restored, {@link
 * ReadingItem#LAST_OVERLOAD_RESTORE} (length in seconds, restore as meter time).
 */
final class OverloadTripRecord {

    private static final DateTimeFormatter RECORD_TIME = DateTimeFormatter.ofPattern("uuMMddHHmmss");

    private OverloadTripRecord() {
    }

    /** The values of the record, empty when it holds no valid trip start. */
    static List<ItemValue> values(List<BigDecimal> record) {
        if (record.size() < 3) {
            return List.of();
        }
        LocalDateTime start = time(record.get(0));
        if (start == null) {
            return List.of();
        }
        int cause = record.get(2).intValue() == MeterProfile.TRIP_CAUSE_SUDDEN_POWER
                ? MeterProfile.TRIP_CAUSE_SUDDEN_POWER : MeterProfile.TRIP_CAUSE_MAXIMUM_POWER;
        List<ItemValue> values = new ArrayList<>(2);
        values.add(new ItemValue(ReadingItem.LAST_OVERLOAD_TRIP, BigDecimal.valueOf(cause), start));
        LocalDateTime restore = time(record.get(1));
        if (restore != null && !restore.isBefore(start)) {
            values.add(new ItemValue(ReadingItem.LAST_OVERLOAD_RESTORE,
                    BigDecimal.valueOf(Duration.between(start, restore).toSeconds()), restore));
        }
        return values;
    }

    private static LocalDateTime time(BigDecimal number) {
        if (number.signum() <= 0) {
            return null;
        }
        String digits = "%012d".formatted(number.longValue());
        try {
            return LocalDateTime.parse(digits, RECORD_TIME);
        } catch (DateTimeParseException invalid) {
            return null;
        }
    }
}
