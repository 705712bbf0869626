package io.jichao.protocol.dlt645;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Something a meter can be asked for: an identifier plus the format of its value. The standard
 * items are the enums {@link DataItem2007} and {@link DataItem1997}; vendor items are
 * {@link CustomDataItem}s (see {@link MeterProfile}).
 */
public interface DataItem {

    String name();

    DataIdentifier identifier();

    ValueFormat format();

    /** True for history items whose DI0 selects the n-th last record (freezes, events). */
    boolean historic();

    /** The identifier of the n-th last record; only for {@link #historic()} items. */
    default DataIdentifier identifier(int occurrence) {
        if (!historic()) {
            throw new IllegalArgumentException(name() + " is not a history item");
        }
        return identifier().withOccurrence(occurrence);
    }

    default DataValue decode(byte[] plain) {
        return format().decode(plain);
    }

    default byte[] encode(DataValue value) {
        return format().encode(value);
    }

    /** Encodes a number for a decimal item, in the item's own unit. */
    default byte[] encode(BigDecimal number) {
        if (!(format() instanceof ValueFormat.Decimal decimal)) {
            throw new IllegalArgumentException(name() + " does not hold a number");
        }
        return decimal.encode(number);
    }

    /** The standard item an identifier read from the wire stands for, if the catalog knows it. */
    static Optional<DataItem> find(DataIdentifier identifier) {
        return DataItemCatalog.find(identifier);
    }
}
