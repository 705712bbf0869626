package io.jichao.protocol.dlt645;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Identifier lookup over both standard catalogs, built once. */
final class DataItemCatalog {

    private static final Map<DataIdentifier, DataItem> BY_IDENTIFIER = new HashMap<>();

    static {
        for (DataItem item : DataItem2007.values()) {
            BY_IDENTIFIER.put(item.identifier(), item);
        }
        for (DataItem item : DataItem1997.values()) {
            BY_IDENTIFIER.put(item.identifier(), item);
        }
    }

    private DataItemCatalog() {
    }

    static Optional<DataItem> find(DataIdentifier identifier) {
        DataItem item = BY_IDENTIFIER.get(identifier);
        if (item != null) {
            return Optional.of(item);
        }
        int occurrence = identifier.value() & 0xFF;
        if (identifier.version() == Dlt645Version.V2007 && occurrence >= 1 && occurrence <= 0xFE) {
            DataItem history = BY_IDENTIFIER.get(identifier.withOccurrence(1));
            if (history != null && history.historic()) {
                return Optional.of(history);
            }
        }
        return Optional.empty();
    }
}
