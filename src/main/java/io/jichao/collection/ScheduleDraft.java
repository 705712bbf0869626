package io.jichao.collection;

import java.util.Set;

/** What an operator enters for a schedule; {@link CollectionScheduleService} checks it. */
public record ScheduleDraft(String name, boolean enabled, Set<ReadingItem> items, ScheduleTiming timing,
                            Set<Long> collectorIds) {

    public ScheduleDraft {
        items = items == null ? Set.of() : Set.copyOf(items);
        collectorIds = collectorIds == null ? Set.of() : Set.copyOf(collectorIds);
    }
}
