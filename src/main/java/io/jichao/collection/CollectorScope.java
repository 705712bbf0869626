package io.jichao.collection;

import java.util.Set;

/**
 * The collectors a cycle covers: every collector the engine serves, or exactly the listed ones
 * (a collector group). An empty list covers nothing; it never means "all".
 */
public record CollectorScope(boolean all, Set<Long> collectorIds) {

    public static final CollectorScope ALL = new CollectorScope(true, Set.of());

    public CollectorScope {
        collectorIds = Set.copyOf(collectorIds);
        if (all && !collectorIds.isEmpty()) {
            throw new IllegalArgumentException("a scope of all collectors lists none");
        }
    }

    public static CollectorScope of(Set<Long> collectorIds) {
        return new CollectorScope(false, collectorIds);
    }

    public boolean covers(long collectorId) {
        return all || collectorIds.contains(collectorId);
    }
}
