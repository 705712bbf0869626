package io.jichao.protocol.dlt645;

import static io.jichao.protocol.dlt645.StandardFormats.ADDRESS;
import static io.jichao.protocol.dlt645.StandardFormats.CURRENT_1997;
import static io.jichao.protocol.dlt645.StandardFormats.ENERGY;
import static io.jichao.protocol.dlt645.StandardFormats.ENERGY_BLOCK;
import static io.jichao.protocol.dlt645.StandardFormats.POWER;
import static io.jichao.protocol.dlt645.StandardFormats.POWER_FACTOR_1997;
import static io.jichao.protocol.dlt645.StandardFormats.VOLTAGE_1997;

/**
 * The DL/T 645-1997 data items the system reads. 1997 has no sign bits and no standard prepaid
 * items (those are vendor-specific).
 */
public enum DataItem1997 implements DataItem {
    FORWARD_ACTIVE_TOTAL(0x9010, ENERGY),
    FORWARD_ACTIVE_TARIFF_1(0x9011, ENERGY),
    FORWARD_ACTIVE_TARIFF_2(0x9012, ENERGY),
    FORWARD_ACTIVE_TARIFF_3(0x9013, ENERGY),
    FORWARD_ACTIVE_TARIFF_4(0x9014, ENERGY),
    FORWARD_ACTIVE_BLOCK(0x901F, ENERGY_BLOCK),
    REVERSE_ACTIVE_TOTAL(0x9020, ENERGY),
    VOLTAGE_A(0xB611, VOLTAGE_1997),
    VOLTAGE_B(0xB612, VOLTAGE_1997),
    VOLTAGE_C(0xB613, VOLTAGE_1997),
    CURRENT_A(0xB621, CURRENT_1997),
    CURRENT_B(0xB622, CURRENT_1997),
    CURRENT_C(0xB623, CURRENT_1997),
    ACTIVE_POWER_TOTAL(0xB630, POWER),
    ACTIVE_POWER_A(0xB631, POWER),
    ACTIVE_POWER_B(0xB632, POWER),
    ACTIVE_POWER_C(0xB633, POWER),
    POWER_FACTOR_TOTAL(0xB650, POWER_FACTOR_1997),
    POWER_FACTOR_A(0xB651, POWER_FACTOR_1997),
    POWER_FACTOR_B(0xB652, POWER_FACTOR_1997),
    POWER_FACTOR_C(0xB653, POWER_FACTOR_1997),
    DATE(0xC010, StandardFormats.DATE),
    TIME(0xC011, StandardFormats.TIME),
    /** Six bytes per general knowledge of the standard, unconfirmed on real meters. */
    METER_NUMBER(0xC032, ADDRESS);

    private final DataIdentifier identifier;
    private final ValueFormat format;

    DataItem1997(int identifier, ValueFormat format) {
        this.identifier = DataIdentifier.of1997(identifier);
        this.format = format;
    }

    @Override
    public DataIdentifier identifier() {
        return identifier;
    }

    @Override
    public ValueFormat format() {
        return format;
    }

    @Override
    public boolean historic() {
        return false;
    }
}
