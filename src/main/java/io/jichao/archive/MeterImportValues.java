package io.jichao.archive;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.jichao.shared.DomainException;

/**
 * Turns the text of one import cell into a value: numbers, and enums written as their names or
 * as the labels people use in China (预付费, 三相, DL/T 645-2007). Blank means "not given" (null);
 * anything unreadable is a {@link DomainException} quoting the text (the caller knows the column).
 */
final class MeterImportValues {

    private static final Pattern LABEL_NOISE = Pattern.compile("[\\s/\\-_.．·]+");

    private static final Map<String, MeterProtocol> PROTOCOLS = Map.ofEntries(
            Map.entry("DLT6451997", MeterProtocol.DLT645_1997), Map.entry("DLT64597", MeterProtocol.DLT645_1997),
            Map.entry("6451997", MeterProtocol.DLT645_1997), Map.entry("64597", MeterProtocol.DLT645_1997),
            Map.entry("97规约", MeterProtocol.DLT645_1997),
            Map.entry("DLT6452007", MeterProtocol.DLT645_2007), Map.entry("DLT64507", MeterProtocol.DLT645_2007),
            Map.entry("6452007", MeterProtocol.DLT645_2007), Map.entry("64507", MeterProtocol.DLT645_2007),
            Map.entry("07规约", MeterProtocol.DLT645_2007),
            Map.entry("MODBUSRTU", MeterProtocol.MODBUS_RTU), Map.entry("MODBUS", MeterProtocol.MODBUS_RTU));

    private static final Map<String, Phase> PHASES = Map.of(
            "SINGLE", Phase.SINGLE, "单相", Phase.SINGLE, "单相表", Phase.SINGLE,
            "THREE", Phase.THREE, "三相", Phase.THREE, "三相表", Phase.THREE);

    private static final Map<String, BillingMode> BILLING_MODES = Map.of(
            "PREPAID", BillingMode.PREPAID, "预付费", BillingMode.PREPAID, "预付", BillingMode.PREPAID,
            "POSTPAID", BillingMode.POSTPAID, "后付费", BillingMode.POSTPAID, "后付", BillingMode.POSTPAID,
            "月结", BillingMode.POSTPAID, "HOST_PREPAID", BillingMode.HOST_PREPAID, "主站费控", BillingMode.HOST_PREPAID);

    private MeterImportValues() {
    }

    static String text(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }

    static Integer integer(String cell) {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new DomainException("error.import.value.integer", text);
        }
    }

    static BigDecimal decimal(String cell) {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new DomainException("error.import.value.number", text);
        }
    }

    static MeterProtocol protocol(String cell) {
        return choice(cell, MeterProtocol.class, PROTOCOLS);
    }

    static Phase phase(String cell) {
        return choice(cell, Phase.class, PHASES);
    }

    static BillingMode billingMode(String cell) {
        return choice(cell, BillingMode.class, BILLING_MODES);
    }

    static List<String> phones(String cell) {
        return MeterRules.splitPhones(cell);
    }

    private static <E extends Enum<E>> E choice(String cell, Class<E> type, Map<String, E> labels) {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        E labelled = labels.get(LABEL_NOISE.matcher(text).replaceAll("").toUpperCase(Locale.ROOT));
        if (labelled == null) {
            throw new DomainException("error.import.value.choice", text);
        }
        return labelled;
    }
}
