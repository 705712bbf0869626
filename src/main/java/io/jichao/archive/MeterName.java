package io.jichao.archive;

import java.util.StringJoiner;

/**
 * How people name a meter: building, room and address, e.g. {@code A座 101 · 370101010001}; never
 * the database id. A meter without a household has no room: {@code A座 · 370101010001}.
 */
public record MeterName(String building, String room, String address) {

    /** The name as shown in titles, dialogs and notifications. */
    public String text() {
        StringJoiner where = new StringJoiner(" ");
        if (building != null && !building.isBlank()) {
            where.add(building);
        }
        if (room != null && !room.isBlank()) {
            where.add(room);
        }
        return where.length() == 0 ? address : where + " · " + address;
    }

    /** The name of a grid row. */
    public static MeterName of(MeterRow row) {
        return new MeterName(row.buildingName(), row.room(), row.displayAddress());
    }

    @Override
    public String toString() {
        return text();
    }
}
