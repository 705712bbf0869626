package io.jichao.protocol.dlt645;

/**
 * One operation of a {@link MeterProfile}: which item to read or write and, for writes, the
 * password level the meter requires.
 */
public record ProfileItem(DataItem item, int passwordLevel) {

    public ProfileItem {
        if (item == null) {
            throw new IllegalArgumentException("item is required");
        }
        if (passwordLevel < 0 || passwordLevel > 0xFF) {
            throw new IllegalArgumentException("password level must be one byte: " + passwordLevel);
        }
    }

    public DataIdentifier identifier() {
        return item.identifier();
    }

    public ValueFormat format() {
        return item.format();
    }

    public int byteLength() {
        return item.format().byteLength();
    }
}
