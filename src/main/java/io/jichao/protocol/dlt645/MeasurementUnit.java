package io.jichao.protocol.dlt645;

/** The unit a decimal data item is expressed in, exactly as the meter reports it. */
public enum MeasurementUnit {
    KILOWATT_HOUR("kWh"),
    KILOVAR_HOUR("kvarh"),
    VOLT("V"),
    AMPERE("A"),
    KILOWATT("kW"),
    HERTZ("Hz"),
    YUAN("yuan"),
    YUAN_PER_KILOWATT_HOUR("yuan/kWh"),
    MINUTE("min"),
    NONE("");

    private final String symbol;

    MeasurementUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
