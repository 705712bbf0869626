package io.jichao.collection;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets of {@link ReadingItem}s as stored in a column: their names, comma-separated, in enum order. */
final class ReadingItemList {

    private ReadingItemList() {
    }

    /** The stored form; null for an empty set (nothing to say). */
    static String format(Set<ReadingItem> items) {
        return items.isEmpty() ? null
                : EnumSet.copyOf(items).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The set of a stored value; names no longer known (an item removed since) are left out. */
    static Set<ReadingItem> parse(String stored) {
        Set<ReadingItem> items = EnumSet.noneOf(ReadingItem.class);
        if (stored == null) {
            return items;
        }
        Arrays.stream(stored.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .filter(name -> Arrays.stream(ReadingItem.values()).anyMatch(item -> item.name().equals(name)))
                .map(ReadingItem::valueOf).forEach(items::add);
        return items;
    }
}
