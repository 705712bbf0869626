package io.jichao.collection;

import java.util.List;
import java.util.Set;

/**
 * What a cycle covered beyond "answered": meters that answered but left expected items unstored
 * ({@code partial}, their items in {@code missingItems}), meters it could not reach (timeout, link
 * down: the cycle's failed ones) and meters of its collectors it did not include at all (not in the
 * engine's topology: a collector added since the engine started, a port it has no link for). The
 * address lists hold at most {@link #LISTED} meters each; the counts are complete.
 */
public record CycleCoverage(int partial, int notIncluded, List<String> partialMeters, List<String> unreachedMeters,
                            List<String> notIncludedMeters, Set<ReadingItem> missingItems) {

    /** Meters listed by address per kind; more are only counted. */
    public static final int LISTED = 50;

    public static final CycleCoverage NONE = new CycleCoverage(0, 0, List.of(), List.of(), List.of(), Set.of());

    public CycleCoverage {
        partialMeters = bounded(partialMeters);
        unreachedMeters = bounded(unreachedMeters);
        notIncludedMeters = bounded(notIncludedMeters);
        missingItems = Set.copyOf(missingItems);
    }

    /** The same coverage with the cycle's not-included meters. */
    public CycleCoverage withNotIncluded(List<String> addresses) {
        return new CycleCoverage(partial, addresses.size(), partialMeters, unreachedMeters, addresses, missingItems);
    }

    private static List<String> bounded(List<String> addresses) {
        return List.copyOf(addresses.size() > LISTED ? addresses.subList(0, LISTED) : addresses);
    }
}
