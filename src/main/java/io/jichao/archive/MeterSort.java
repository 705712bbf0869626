package io.jichao.archive;

/** A sort the meter grid may ask for; only these columns can be sorted, so no query is built from user text. */
public record MeterSort(Column column, boolean ascending) {

    public enum Column {
        ADDRESS("m.address"),
        BUILDING("b.code"),
        FLOOR("f.level"),
        ROOM("h.room"),
        HOUSEHOLD("h.name"),
        PROTOCOL("m.protocol"),
        BILLING_MODE("m.billingMode"),
        STATE("m.state");

        final String path;

        Column(String path) {
            this.path = path;
        }
    }

    public static MeterSort byAddress() {
        return new MeterSort(Column.ADDRESS, true);
    }
}
