package io.jichao.simulator;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What a meter remembers, newest first: the last 48 hourly and 31 daily freezes, and the last 10
 * overload trips and restores. Asking for the n-th last record (n = 1 is the newest) mirrors
 * DL/T 645 history identifiers whose DI0 is n.
 */
final class MeterHistory {

    static final int HOURLY_FREEZES = 48;
    static final int DAILY_FREEZES = 31;
    static final int EVENT_RECORDS = 10;

    private final Deque<FreezeRecord> hourly = new ArrayDeque<>();
    private final Deque<FreezeRecord> daily = new ArrayDeque<>();
    private final Deque<LocalDateTime> trips = new ArrayDeque<>();
    private final Deque<LocalDateTime> restores = new ArrayDeque<>();

    void hourlyFreeze(FreezeRecord record) {
        push(hourly, record, HOURLY_FREEZES);
    }

    void dailyFreeze(FreezeRecord record) {
        push(daily, record, DAILY_FREEZES);
    }

    void trip(LocalDateTime time) {
        push(trips, time, EVENT_RECORDS);
    }

    void restore(LocalDateTime time) {
        push(restores, time, EVENT_RECORDS);
    }

    List<FreezeRecord> hourly() {
        return List.copyOf(hourly);
    }

    List<FreezeRecord> daily() {
        return List.copyOf(daily);
    }

    List<LocalDateTime> trips() {
        return List.copyOf(trips);
    }

    List<LocalDateTime> restores() {
        return List.copyOf(restores);
    }

    static <T> Optional<T> nthLast(List<T> newestFirst, int n) {
        return n >= 1 && n <= newestFirst.size() ? Optional.of(newestFirst.get(n - 1)) : Optional.empty();
    }

    private static <T> void push(Deque<T> records, T record, int limit) {
        records.addFirst(record);
        while (records.size() > limit) {
            records.removeLast();
        }
    }
}
