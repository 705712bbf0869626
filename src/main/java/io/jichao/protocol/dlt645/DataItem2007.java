package io.jichao.protocol.dlt645;

import static io.jichao.protocol.dlt645.StandardFormats.ACTIVE_POWER;
import static io.jichao.protocol.dlt645.StandardFormats.ADDRESS;
import static io.jichao.protocol.dlt645.StandardFormats.COUNT;
import static io.jichao.protocol.dlt645.StandardFormats.CURRENT;
import static io.jichao.protocol.dlt645.StandardFormats.ENERGY;
import static io.jichao.protocol.dlt645.StandardFormats.ENERGY_BLOCK;
import static io.jichao.protocol.dlt645.StandardFormats.MONEY;
import static io.jichao.protocol.dlt645.StandardFormats.POWER;
import static io.jichao.protocol.dlt645.StandardFormats.POWER_FACTOR;
import static io.jichao.protocol.dlt645.StandardFormats.REACTIVE_ENERGY;
import static io.jichao.protocol.dlt645.StandardFormats.TO_MINUTE;
import static io.jichao.protocol.dlt645.StandardFormats.VOLTAGE;

/** The DL/T 645-2007 data items the system reads and writes. */
public enum DataItem2007 implements DataItem {
    COMBINED_ACTIVE_TOTAL(0x00000000, ENERGY),
    COMBINED_ACTIVE_TARIFF_1(0x00000100, ENERGY),
    COMBINED_ACTIVE_TARIFF_2(0x00000200, ENERGY),
    COMBINED_ACTIVE_TARIFF_3(0x00000300, ENERGY),
    COMBINED_ACTIVE_TARIFF_4(0x00000400, ENERGY),
    COMBINED_ACTIVE_BLOCK(0x0000FF00, ENERGY_BLOCK),
    FORWARD_ACTIVE_TOTAL(0x00010000, ENERGY),
    FORWARD_ACTIVE_TARIFF_1(0x00010100, ENERGY),
    FORWARD_ACTIVE_TARIFF_2(0x00010200, ENERGY),
    FORWARD_ACTIVE_TARIFF_3(0x00010300, ENERGY),
    FORWARD_ACTIVE_TARIFF_4(0x00010400, ENERGY),
    FORWARD_ACTIVE_BLOCK(0x0001FF00, ENERGY_BLOCK),
    REVERSE_ACTIVE_TOTAL(0x00020000, ENERGY),
    REVERSE_ACTIVE_TARIFF_1(0x00020100, ENERGY),
    REVERSE_ACTIVE_TARIFF_2(0x00020200, ENERGY),
    REVERSE_ACTIVE_TARIFF_3(0x00020300, ENERGY),
    REVERSE_ACTIVE_TARIFF_4(0x00020400, ENERGY),
    REVERSE_ACTIVE_BLOCK(0x0002FF00, ENERGY_BLOCK),
    COMBINED_REACTIVE_1_TOTAL(0x00030000, REACTIVE_ENERGY),
    COMBINED_REACTIVE_2_TOTAL(0x00040000, REACTIVE_ENERGY),
    VOLTAGE_A(0x02010100, VOLTAGE),
    VOLTAGE_B(0x02010200, VOLTAGE),
    VOLTAGE_C(0x02010300, VOLTAGE),
    VOLTAGE_BLOCK(0x0201FF00, StandardFormats.VOLTAGE_BLOCK),
    CURRENT_A(0x02020100, CURRENT),
    CURRENT_B(0x02020200, CURRENT),
    CURRENT_C(0x02020300, CURRENT),
    CURRENT_BLOCK(0x0202FF00, StandardFormats.CURRENT_BLOCK),
    ACTIVE_POWER_TOTAL(0x02030000, ACTIVE_POWER),
    ACTIVE_POWER_A(0x02030100, ACTIVE_POWER),
    ACTIVE_POWER_B(0x02030200, ACTIVE_POWER),
    ACTIVE_POWER_C(0x02030300, ACTIVE_POWER),
    ACTIVE_POWER_BLOCK(0x0203FF00, StandardFormats.ACTIVE_POWER_BLOCK),
    POWER_FACTOR_TOTAL(0x02060000, POWER_FACTOR),
    POWER_FACTOR_A(0x02060100, POWER_FACTOR),
    POWER_FACTOR_B(0x02060200, POWER_FACTOR),
    POWER_FACTOR_C(0x02060300, POWER_FACTOR),
    POWER_FACTOR_BLOCK(0x0206FF00, StandardFormats.POWER_FACTOR_BLOCK),
    FREQUENCY(0x02800002, StandardFormats.FREQUENCY),
    DATE(0x04000101, StandardFormats.DATE),
    TIME(0x04000102, StandardFormats.TIME),
    COMMUNICATION_ADDRESS(0x04000401, ADDRESS),
    METER_NUMBER(0x04000402, ADDRESS),
    RUN_STATUS_WORD_1(0x04000501, new ValueFormat.StatusWordFormat(1)),
    RUN_STATUS_WORD_2(0x04000502, new ValueFormat.StatusWordFormat(2)),
    RUN_STATUS_WORD_3(0x04000503, new ValueFormat.StatusWordFormat(3)),
    RUN_STATUS_WORD_4(0x04000504, new ValueFormat.StatusWordFormat(4)),
    RUN_STATUS_WORD_5(0x04000505, new ValueFormat.StatusWordFormat(5)),
    RUN_STATUS_WORD_6(0x04000506, new ValueFormat.StatusWordFormat(6)),
    RUN_STATUS_WORD_7(0x04000507, new ValueFormat.StatusWordFormat(7)),
    ACTIVE_POWER_UPPER_LIMIT(0x04000E01, POWER),
    REVERSE_ACTIVE_POWER_UPPER_LIMIT(0x04000E02, POWER),
    ALARM_MONEY_LIMIT_1(0x04001001, MONEY),
    ALARM_MONEY_LIMIT_2(0x04001002, MONEY),
    /** DI0 = n selects the n-th last hourly freeze; the constant names the last one. */
    HOURLY_FREEZE_TIME(0x05040001, TO_MINUTE, true),
    HOURLY_FREEZE_FORWARD_ACTIVE(0x05040101, ENERGY, true),
    HOURLY_FREEZE_REVERSE_ACTIVE(0x05040201, ENERGY, true),
    /** DI0 = n selects the n-th last daily freeze; the constant names the last one. */
    DAILY_FREEZE_TIME(0x05060001, TO_MINUTE, true),
    DAILY_FREEZE_FORWARD_ACTIVE(0x05060101, ENERGY_BLOCK, true),
    DAILY_FREEZE_REVERSE_ACTIVE(0x05060201, ENERGY_BLOCK, true),
    REMAINING_ENERGY(0x00900100, ENERGY),
    OVERDRAFT_ENERGY(0x00900101, ENERGY),
    REMAINING_MONEY(0x00900200, MONEY),
    OVERDRAFT_MONEY(0x00900201, MONEY),
    /** Two bytes per the reference, not confirmed on a DHDSY meter: profiles may override it. */
    PURCHASE_COUNT(0x03330201, COUNT),
    CUMULATIVE_PURCHASE(0x03330601, MONEY);

    private final DataIdentifier identifier;
    private final ValueFormat format;
    private final boolean historic;

    DataItem2007(int identifier, ValueFormat format) {
        this(identifier, format, false);
    }

    DataItem2007(int identifier, ValueFormat format, boolean historic) {
        this.identifier = DataIdentifier.of2007(identifier);
        this.format = format;
        this.historic = historic;
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
        return historic;
    }
}
