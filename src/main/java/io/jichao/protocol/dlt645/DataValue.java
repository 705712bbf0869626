package io.jichao.protocol.dlt645;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** A decoded data item value: one immutable type per kind of content. */
public sealed interface DataValue permits DataValue.Quantity, DataValue.QuantityBlock,
        DataValue.DateWithWeekday, DataValue.TimeOfDay, DataValue.Timestamp, DataValue.AddressValue,
        StatusWord {

    /** One number with the exact scale of its format, e.g. {@code 1234.56 kWh}. */
    record Quantity(BigDecimal value, MeasurementUnit unit) implements DataValue {
        public Quantity {
            if (value == null || unit == null) {
                throw new IllegalArgumentException("value and unit are required");
            }
        }
    }

    /** Several numbers read together, e.g. total and tariffs 1-4, or voltages A, B, C. */
    record QuantityBlock(List<BigDecimal> values, MeasurementUnit unit) implements DataValue {
        public QuantityBlock {
            values = List.copyOf(values);
            if (unit == null) {
                throw new IllegalArgumentException("unit is required");
            }
        }
    }

    /** The meter's date and the weekday it believes that date is. */
    record DateWithWeekday(LocalDate date, DayOfWeek weekday) implements DataValue {
        public DateWithWeekday {
            if (date == null || weekday == null) {
                throw new IllegalArgumentException("date and weekday are required");
            }
        }

        public static DateWithWeekday of(LocalDate date) {
            return new DateWithWeekday(date, date.getDayOfWeek());
        }
    }

    record TimeOfDay(LocalTime time) implements DataValue {
        public TimeOfDay {
            if (time == null) {
                throw new IllegalArgumentException("time is required");
            }
        }
    }

    /** A point in the meter's local time, to the minute or to the second depending on format. */
    record Timestamp(LocalDateTime dateTime) implements DataValue {
        public Timestamp {
            if (dateTime == null) {
                throw new IllegalArgumentException("date-time is required");
            }
        }
    }

    record AddressValue(MeterAddress address) implements DataValue {
        public AddressValue {
            if (address == null) {
                throw new IllegalArgumentException("address is required");
            }
        }
    }
}
