package io.jichao.archive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.jichao.shared.DomainException;

/**
 * Field rules for meters and households, shared by the form, the service and the importer.
 * Each violation is an i18n key with arguments, so the UI can show all of them at once.
 */
public final class MeterRules {

    public static final Pattern ADDRESS = Pattern.compile("\\d{12}");
    /** Mainland mobile numbers, or landlines with area code (optional hyphen). */
    public static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    public static final int MAX_CHANNEL = 36;
    public static final int MAX_RATIO = 10_000;
    public static final BigDecimal MAX_POWER_KW = new BigDecimal("9999.9999");
    public static final BigDecimal MAX_ALARM_KWH = new BigDecimal("99999999.99");
    public static final int MAX_PHONES = 5;
    /** Phones may be separated by commas, semicolons (either width), the Chinese list comma or spaces. */
    public static final Pattern PHONE_SEPARATORS = Pattern.compile("[,;，；、\\s]+");

    private MeterRules() {
    }

    /** Every rule the draft breaks, empty when it is valid. Does not look at the database. */
    public static List<DomainException> violations(MeterDraft draft) {
        List<DomainException> errors = new ArrayList<>();
        if (draft.address() == null || !ADDRESS.matcher(draft.address()).matches()) {
            errors.add(new DomainException("error.meter.address.format", String.valueOf(draft.address())));
        } else if (draft.address().equals("999999999999")) {
            errors.add(new DomainException("error.meter.address.broadcast"));
        }
        if (draft.deviceChannel() != null && (draft.deviceChannel() < 1 || draft.deviceChannel() > MAX_CHANNEL)) {
            errors.add(new DomainException("error.meter.channel.range", MAX_CHANNEL));
        }
        if (draft.protocol() == null) {
            errors.add(new DomainException("error.required", "protocol"));
        }
        if (draft.phase() == null) {
            errors.add(new DomainException("error.required", "phase"));
        }
        if (draft.billingMode() == null) {
            errors.add(new DomainException("error.required", "billingMode"));
        }
        if (draft.billingMode() == BillingMode.PREPAID && draft.protocol() != null
                && !MeterCapabilities.canHoldCredit(draft.protocol())) {
            errors.add(new DomainException("error.meter.prepaid.no.credit", String.valueOf(draft.address()),
                    MeterCapabilities.label(draft.protocol())));
        }
        if (draft.billingMode() == BillingMode.HOST_PREPAID && draft.protocol() != null
                && !MeterCapabilities.canSwitchRelay(draft.protocol())) {
            // Host-side prepaid cuts the household off by a relay command: without one it would never stop.
            errors.add(new DomainException("error.meter.host.prepaid.relay", String.valueOf(draft.address()),
                    MeterCapabilities.label(draft.protocol())));
        }
        if (draft.buildingId() == null) {
            errors.add(new DomainException("error.required", "building"));
        }
        if (draft.ctRatio() < 1 || draft.ctRatio() > MAX_RATIO || draft.ptRatio() < 1 || draft.ptRatio() > MAX_RATIO) {
            errors.add(new DomainException("error.meter.ratio.range", MAX_RATIO));
        }
        checkRange(errors, draft.maxPowerKw(), MAX_POWER_KW, 4, "error.meter.maxpower.range");
        checkRange(errors, draft.alarmLevel1Kwh(), MAX_ALARM_KWH, 2, "error.meter.alarm.range");
        checkRange(errors, draft.alarmLevel2Kwh(), MAX_ALARM_KWH, 2, "error.meter.alarm.range");
        if (draft.alarmLevel1Kwh() != null && draft.alarmLevel2Kwh() != null
                && draft.alarmLevel2Kwh().compareTo(draft.alarmLevel1Kwh()) >= 0) {
            errors.add(new DomainException("error.meter.alarm.order"));
        }
        boolean hasHousehold = notBlank(draft.room()) || notBlank(draft.householdName()) || !draft.phones().isEmpty();
        if (hasHousehold) {
            if (!notBlank(draft.room()) || draft.room().trim().length() > 32) {
                errors.add(new DomainException("error.household.room.required"));
            }
            if (!notBlank(draft.householdName()) || draft.householdName().trim().length() > 100) {
                errors.add(new DomainException("error.household.name.required"));
            }
        }
        if (draft.phones().size() > MAX_PHONES) {
            errors.add(new DomainException("error.household.phones.count", MAX_PHONES));
        }
        for (String phone : draft.phones()) {
            if (!PHONE.matcher(phone).matches()) {
                errors.add(new DomainException("error.household.phone.format", phone));
            }
        }
        return errors;
    }

    /** The phone numbers in a text as people type them, e.g. {@code 13900000001; 021-62000001}. */
    public static List<String> splitPhones(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(PHONE_SEPARATORS.split(text.strip())).filter(phone -> !phone.isEmpty()).toList();
    }

    private static void checkRange(List<DomainException> errors, BigDecimal value, BigDecimal max, int scale,
                                   String key) {
        if (value != null && (value.signum() < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > scale)) {
            errors.add(new DomainException(key, max.toPlainString(), scale));
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
