package io.jichao.alarm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jichao.collection.MeterReadResult;

/**
 * Read results whose judgement failed on a database error, kept per meter in arrival order until
 * the database takes the alarm writes again. A meter with a result waiting has its later results
 * queued behind it, so its "previous read" comparisons still run in order. Used on the alarm rules'
 * own thread only, hence not synchronised. Bounded: beyond {@link #CAPACITY} results the oldest is
 * dropped with an ERROR naming the meter (an outage of hours on a large site), never silently.
 */
final class UnjudgedReads {

    static final int CAPACITY = 50_000;
    private static final Logger log = LoggerFactory.getLogger(UnjudgedReads.class);

    private final Map<Long, Deque<MeterReadResult>> waiting = new LinkedHashMap<>();
    private int size;

    boolean isWaiting(long meterId) {
        return waiting.containsKey(meterId);
    }

    int size() {
        return size;
    }

    void add(MeterReadResult result) {
        if (size >= CAPACITY) {
            dropOldest();
        }
        waiting.computeIfAbsent(result.meterId(), id -> new ArrayDeque<>()).addLast(result);
        size++;
    }

    /**
     * Judges the meter's waiting results in order with {@code judged} (true when the writes went
     * through); stops at the first that fails again. True when none is left waiting.
     */
    boolean retry(long meterId, Predicate<MeterReadResult> judged) {
        Deque<MeterReadResult> results = waiting.get(meterId);
        while (results != null && !results.isEmpty()) {
            if (!judged.test(results.peekFirst())) {
                return false;
            }
            results.pollFirst();
            size--;
        }
        waiting.remove(meterId);
        return true;
    }

    /** Retries every meter's waiting results; stops at the first meter still failing (the database is still away). */
    void retryAll(Predicate<MeterReadResult> judged) {
        for (Long meterId : List.copyOf(waiting.keySet())) {
            if (!retry(meterId, judged)) {
                return;
            }
        }
    }

    void clear() {
        waiting.clear();
        size = 0;
    }

    private void dropOldest() {
        Iterator<Map.Entry<Long, Deque<MeterReadResult>>> meters = waiting.entrySet().iterator();
        Map.Entry<Long, Deque<MeterReadResult>> first = meters.next();
        MeterReadResult dropped = first.getValue().pollFirst();
        size--;
        if (first.getValue().isEmpty()) {
            meters.remove();
        }
        log.error("Alarm rules dropped an unjudged read of meter {} ({} reads wait for the database)",
                dropped.meterId(), CAPACITY);
    }
}
