package io.jichao.protocol.dlt645;

/** A data item outside the standard catalogs, typically vendor-defined and configured. */
public record CustomDataItem(String name, DataIdentifier identifier, ValueFormat format, boolean historic)
        implements DataItem {

    public CustomDataItem {
        if (name == null || name.isBlank() || identifier == null || format == null) {
            throw new IllegalArgumentException("name, identifier and format are required");
        }
        if (historic && identifier.version() != Dlt645Version.V2007) {
            throw new IllegalArgumentException("only 2007 items can be history items");
        }
    }
}
