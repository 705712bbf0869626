package io.jichao.prepaid;

import java.time.LocalTime;

import io.jichao.shared.DomainException;

/**
 * A time-of-use period of the day in Asia/Shanghai, from {@code start} (inclusive) to {@code end}
 * (exclusive), on whole minutes. An end at or before the start wraps past midnight (23:00-07:00);
 * an end of 00:00 means midnight.
 */
public record TouPeriod(PeriodKind kind, LocalTime start, LocalTime end, PricePerKwh price) {

    public TouPeriod {
        if (kind == null || start == null || end == null || price == null) {
            throw new DomainException("error.tariff.period.incomplete");
        }
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new DomainException("error.tariff.period.minutes");
        }
    }

    int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    /** Length in minutes; a period whose end equals its start would be the whole day. */
    int lengthMinutes() {
        int endMinute = end.getHour() * 60 + end.getMinute();
        int length = Math.floorMod(endMinute - startMinute(), TariffPlan.MINUTES_PER_DAY);
        return length == 0 ? TariffPlan.MINUTES_PER_DAY : length;
    }

    boolean contains(LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return Math.floorMod(minute - startMinute(), TariffPlan.MINUTES_PER_DAY) < lengthMinutes();
    }
}
