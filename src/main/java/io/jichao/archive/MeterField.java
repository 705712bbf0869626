package io.jichao.archive;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.jichao.shared.DomainException;

/**
 * The fields of a meter as people enter them, in the form and as columns of an import file.
 * Each has a canonical English key (the import header and the i18n suffix {@code meter.field.*})
 * and the Chinese headers people actually type in Excel. The aliases are part of the file
 * format, kept here rather than in the UI bundles, so rewording a screen label never breaks
 * anyone's spreadsheet.
 */
public enum MeterField {
    ADDRESS("address", true, "表地址", "电表地址", "地址"),
    CHANNEL("channel", false, "通道", "通道号"),
    PROTOCOL("protocol", true, "协议", "规约", "通讯规约"),
    PHASE("phase", true, "相位", "相别", "相数"),
    BILLING_MODE("billing_mode", true, "计费方式", "付费方式"),
    BUILDING("building", true, "楼宇", "楼栋", "楼宇编码"),
    FLOOR("floor", false, "楼层"),
    BOX("box", false, "配电箱", "配电箱编号"),
    COLLECTOR("collector", false, "采集器"),
    PORT("port", false, "端口", "串口", "端口号"),
    CT_RATIO("ct_ratio", false, "CT变比", "电流变比"),
    PT_RATIO("pt_ratio", false, "PT变比", "电压变比"),
    MAX_POWER_KW("max_power_kw", false, "最大功率", "最大功率kW"),
    ALARM1_KWH("alarm1_kwh", false, "一级报警", "一级报警kWh", "报警1"),
    ALARM2_KWH("alarm2_kwh", false, "二级报警", "二级报警kWh", "报警2"),
    ROOM("room", false, "房间", "房号", "房间号"),
    HOUSEHOLD("household", false, "户名", "住户", "用户名称"),
    PHONES("phones", false, "电话", "联系电话", "手机");

    /** Units in brackets after a header, e.g. {@code 最大功率（kW）} or {@code max_power (kw)}. */
    private static final Pattern UNIT = Pattern.compile("[(（][^)）]*[)）]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000_\\-]+");

    private final String key;
    private final boolean required;
    private final List<String> aliases;

    MeterField(String key, boolean required, String... aliases) {
        this.key = key;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** The canonical import header, e.g. {@code billing_mode}. */
    public String key() {
        return key;
    }

    /** The i18n key of the field's label. */
    public String labelKey() {
        return "meter.field." + key;
    }

    /** Whether an import file must have this column. */
    public boolean required() {
        return required;
    }

    /** The usual Chinese header, as the Chinese template writes it. */
    public String chineseHeader() {
        return aliases.getFirst();
    }

    /** The column a header names, ignoring case, spaces, underscores and a unit in brackets. */
    public static Optional<MeterField> fromHeader(String header) {
        String wanted = normalize(header);
        for (MeterField field : values()) {
            if (normalize(field.key).equals(wanted)
                    || field.aliases.stream().anyMatch(alias -> normalize(alias).equals(wanted))) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /**
     * The field a rule violation or service refusal is about, so the form can mark that field
     * and the import preview can name the column; empty when it concerns the meter as a whole.
     */
    public static Optional<MeterField> blamedFor(DomainException e) {
        String key = e.messageKey();
        if (key.startsWith("error.meter.address.")) {
            return Optional.of(ADDRESS);
        }
        return Optional.ofNullable(switch (key) {
            case "error.meter.channel.range" -> CHANNEL;
            case "error.meter.ratio.range" -> CT_RATIO;
            case "error.meter.prepaid.no.credit" -> BILLING_MODE;
            case "error.meter.maxpower.range" -> MAX_POWER_KW;
            case "error.meter.alarm.range" -> ALARM1_KWH;
            case "error.meter.alarm.order" -> ALARM2_KWH;
            case "error.meter.location.mismatch", "error.box.not.found" -> BOX;
            case "error.floor.not.found" -> FLOOR;
            case "error.district.outside", "error.building.not.found" -> BUILDING;
            case "error.meter.protocol.port", "error.port.not.found" -> PORT;
            case "error.household.room.required" -> ROOM;
            case "error.household.name.required" -> HOUSEHOLD;
            case "error.household.phones.count", "error.household.phone.format" -> PHONES;
            case "error.required" -> requiredField(e);
            default -> null;
        });
    }

    private static MeterField requiredField(DomainException e) {
        Object[] arguments = e.arguments();
        if (arguments.length == 0) {
            return null;
        }
        return switch (String.valueOf(arguments[0])) {
            case "protocol" -> PROTOCOL;
            case "phase" -> PHASE;
            case "billingMode" -> BILLING_MODE;
            case "building" -> BUILDING;
            default -> null;
        };
    }

    private static String normalize(String header) {
        String withoutUnit = UNIT.matcher(header == null ? "" : header.strip()).replaceAll("");
        return SEPARATORS.matcher(withoutUnit).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
