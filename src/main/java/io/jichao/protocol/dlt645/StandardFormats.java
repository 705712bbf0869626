package io.jichao.protocol.dlt645;

import static io.jichao.protocol.dlt645.MeasurementUnit.AMPERE;
import static io.jichao.protocol.dlt645.MeasurementUnit.HERTZ;
import static io.jichao.protocol.dlt645.MeasurementUnit.KILOVAR_HOUR;
import static io.jichao.protocol.dlt645.MeasurementUnit.KILOWATT;
import static io.jichao.protocol.dlt645.MeasurementUnit.KILOWATT_HOUR;
import static io.jichao.protocol.dlt645.MeasurementUnit.MINUTE;
import static io.jichao.protocol.dlt645.MeasurementUnit.NONE;
import static io.jichao.protocol.dlt645.MeasurementUnit.VOLT;
import static io.jichao.protocol.dlt645.MeasurementUnit.YUAN;

import io.jichao.protocol.dlt645.ValueFormat.Decimal;

/** The formats the standard catalogs share, named after their picture in the standard. */
final class StandardFormats {

    /** XXXXXX.XX kWh. */
    static final Decimal ENERGY = ValueFormat.decimal(4, 2, KILOWATT_HOUR);
    /** Total and tariffs 1-4. */
    static final Decimal ENERGY_BLOCK = ValueFormat.block(ENERGY, 5);
    /** XXXXXX.XX kvarh. */
    static final Decimal REACTIVE_ENERGY = ValueFormat.decimal(4, 2, KILOVAR_HOUR);
    /** XXX.X V. */
    static final Decimal VOLTAGE = ValueFormat.decimal(2, 1, VOLT);
    static final Decimal VOLTAGE_BLOCK = ValueFormat.block(VOLTAGE, 3);
    /** XXX V, 1997. */
    static final Decimal VOLTAGE_1997 = ValueFormat.decimal(2, 0, VOLT);
    /** XXX.XXX A, signed. */
    static final Decimal CURRENT = ValueFormat.signedDecimal(3, 3, AMPERE);
    static final Decimal CURRENT_BLOCK = ValueFormat.block(CURRENT, 3);
    /** XX.XX A, 1997. */
    static final Decimal CURRENT_1997 = ValueFormat.decimal(2, 2, AMPERE);
    /** XX.XXXX kW, signed. */
    static final Decimal ACTIVE_POWER = ValueFormat.signedDecimal(3, 4, KILOWATT);
    static final Decimal ACTIVE_POWER_BLOCK = ValueFormat.block(ACTIVE_POWER, 4);
    /** XX.XXXX kW, 1997 and limits. */
    static final Decimal POWER = ValueFormat.decimal(3, 4, KILOWATT);
    /** X.XXX, signed. */
    static final Decimal POWER_FACTOR = ValueFormat.signedDecimal(2, 3, NONE);
    static final Decimal POWER_FACTOR_BLOCK = ValueFormat.block(POWER_FACTOR, 4);
    /** X.XXX, 1997. */
    static final Decimal POWER_FACTOR_1997 = ValueFormat.decimal(2, 3, NONE);
    /** XX.XX Hz. */
    static final Decimal FREQUENCY = ValueFormat.decimal(2, 2, HERTZ);
    /** XXXXXX.XX yuan. */
    static final Decimal MONEY = ValueFormat.decimal(4, 2, YUAN);
    /** XXXX, a plain counter. */
    static final Decimal COUNT = ValueFormat.decimal(2, 0, NONE);
    /** XXXX minutes. */
    static final Decimal MINUTES = ValueFormat.decimal(2, 0, MINUTE);

    static final ValueFormat DATE = new ValueFormat.DateWithWeekdayFormat();
    static final ValueFormat TIME = new ValueFormat.TimeFormat();
    static final ValueFormat TO_MINUTE = new ValueFormat.DateTimeToMinuteFormat();
    static final ValueFormat TO_SECOND = new ValueFormat.DateTimeToSecondFormat();
    static final ValueFormat ADDRESS = new ValueFormat.AddressFormat();

    private StandardFormats() {
    }
}
