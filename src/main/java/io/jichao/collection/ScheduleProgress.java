package io.jichao.collection;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The live progress of the schedule runs in this process, by schedule id. A process without the
 * engine (or another node running the schedule) has none; the stored last run is shown then.
 */
@Component
public class ScheduleProgress {

    private final Map<Long, CycleProgress> running = new ConcurrentHashMap<>();

    void update(long scheduleId, CycleProgress progress) {
        if (progress.running()) {
            running.put(scheduleId, progress);
        } else {
            running.remove(scheduleId);
        }
    }

    void clear(long scheduleId) {
        running.remove(scheduleId);
    }

    public Optional<CycleProgress> of(long scheduleId) {
        return Optional.ofNullable(running.get(scheduleId));
    }
}
