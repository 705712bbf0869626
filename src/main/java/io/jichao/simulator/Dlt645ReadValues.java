package io.jichao.simulator;

import io.jichao.protocol.dlt645.DataIdentifier;
import io.jichao.protocol.dlt645.DataItem;
import io.jichao.protocol.dlt645.DataItem1997;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.DataValue.AddressValue;
import io.jichao.protocol.dlt645.DataValue.DateWithWeekday;
import io.jichao.protocol.dlt645.DataValue.TimeOfDay;
import io.jichao.protocol.dlt645.DataValue.Timestamp;
import io.jichao.protocol.dlt645.Dlt645Version;
import io.jichao.protocol.dlt645.MeterProfile;
import io.jichao.protocol.dlt645.ProfileItem;
import io.jichao.protocol.dlt645.StatusWord;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The value bytes a meter sends for an identifier, or empty when it does not know it (the
 * caller then answers "no requested data"). Vendor operations come from the {@link MeterProfile},
 * everything else from the standard catalogs. The simulated DHDSY meter prepays energy, not money,
 * so money items are unknown and 03330601 reports cumulative purchased kWh.
 */
final class Dlt645ReadValues {

    private static final java.time.format.DateTimeFormatter RECORD_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private Dlt645ReadValues() {
    }

    static Optional<byte[]> read(ElectricMeter meter, MeterProfile profile, DataIdentifier identifier) {
        if (identifier.version() == Dlt645Version.V1997) {
            return DataItem.find(identifier)
                    .filter(DataItem1997.class::isInstance)
                    .flatMap(item -> read1997(meter, (DataItem1997) item));
        }
        Optional<byte[]> vendor = readProfileItem(meter, profile, identifier);
        if (vendor.isPresent()) {
            return vendor;
        }
        return DataItem.find(identifier)
                .filter(DataItem2007.class::isInstance)
                .flatMap(item -> read2007(meter, (DataItem2007) item, identifier.value() & 0xFF));
    }

    private static Optional<byte[]> readProfileItem(ElectricMeter meter, MeterProfile profile, DataIdentifier id) {
        if (is(profile.remainingEnergy(), id)) {
            return prepaid(meter, () -> Dlt645Values.number(profile.remainingEnergy().item(), meter.remainingKwh()));
        }
        if (is(profile.purchaseCount(), id)) {
            return prepaid(meter, () -> Dlt645Values.number(profile.purchaseCount().item(),
                    BigDecimal.valueOf(meter.purchaseCount())));
        }
        if (is(profile.maximumPower(), id)) {
            return Optional.of(Dlt645Values.number(profile.maximumPower().item(), meter.maxPowerKw()));
        }
        if (is(profile.suddenPowerThreshold(), id)) {
            return Optional.of(Dlt645Values.number(profile.suddenPowerThreshold().item(), meter.suddenPowerKw()));
        }
        if (is(profile.overloadRestoreDelay(), id)) {
            return Optional.of(Dlt645Values.number(profile.overloadRestoreDelay().item(),
                    BigDecimal.valueOf(meter.restoreDelayMinutes())));
        }
        if (is(profile.overloadTripCount(), id)) {
            return Optional.of(Dlt645Values.number(profile.overloadTripCount().item(),
                    BigDecimal.valueOf(meter.overloadTripCount())));
        }
        if (is(profile.lastOverloadTrip(), id)) {
            return Optional.ofNullable(meter.lastOverloadTrip()).map(trip -> Dlt645Values.numbers(
                    profile.lastOverloadTrip().item(), List.of(recordTime(trip.start()), recordTime(trip.restore()),
                            BigDecimal.valueOf(trip.suddenPower() ? MeterProfile.TRIP_CAUSE_SUDDEN_POWER
                                    : MeterProfile.TRIP_CAUSE_MAXIMUM_POWER))));
        }
        if (isHistory(profile.overloadTripRecord(), id)) {
            return event(profile.overloadTripRecord(), meter.overloadTrips(), id);
        }
        if (isHistory(profile.overloadRestoreRecord(), id)) {
            return event(profile.overloadRestoreRecord(), meter.overloadRestores(), id);
        }
        return Optional.empty();
    }

    private static Optional<byte[]> read2007(ElectricMeter meter, DataItem2007 item, int occurrence) {
        int di = item.identifier().value();
        int family = di >>> 16;
        int column = di >>> 8 & 0xFF;
        if (family <= 0x0002) {
            List<BigDecimal> registers = family == 0x0002 ? meter.reverseKwh() : meter.forwardKwh();
            return Optional.of(column == 0xFF ? Dlt645Values.numbers(item, registers)
                    : Dlt645Values.number(item, registers.get(column)));
        }
        MeterReadings readings = meter.readings();
        return switch (item) {
            case COMBINED_REACTIVE_1_TOTAL -> Optional.of(Dlt645Values.number(item, meter.reactiveKvarh()));
            case COMBINED_REACTIVE_2_TOTAL -> Optional.of(Dlt645Values.number(item, BigDecimal.ZERO));
            case VOLTAGE_A, VOLTAGE_B, VOLTAGE_C -> phase(item, readings.voltages(), column);
            case VOLTAGE_BLOCK -> Optional.of(Dlt645Values.numbers(item, readings.voltages()));
            case CURRENT_A, CURRENT_B, CURRENT_C -> phase(item, readings.currents(), column);
            case CURRENT_BLOCK -> Optional.of(Dlt645Values.numbers(item, readings.currents()));
            case ACTIVE_POWER_TOTAL -> Optional.of(Dlt645Values.number(item, readings.totalPowerKw()));
            case ACTIVE_POWER_A, ACTIVE_POWER_B, ACTIVE_POWER_C -> phase(item, readings.phasePowersKw(), column);
            case ACTIVE_POWER_BLOCK -> Optional.of(Dlt645Values.numbers(item,
                    withTotal(readings.totalPowerKw(), readings.phasePowersKw())));
            case POWER_FACTOR_TOTAL -> Optional.of(Dlt645Values.number(item, readings.totalPowerFactor()));
            case POWER_FACTOR_A, POWER_FACTOR_B, POWER_FACTOR_C ->
                    phase(item, readings.phasePowerFactors(), column);
            case POWER_FACTOR_BLOCK -> Optional.of(Dlt645Values.numbers(item,
                    withTotal(readings.totalPowerFactor(), readings.phasePowerFactors())));
            case FREQUENCY -> Optional.of(Dlt645Values.number(item, readings.frequency()));
            case DATE -> Optional.of(item.encode(DateWithWeekday.of(meter.meterTime().toLocalDate())));
            case TIME -> Optional.of(item.encode(new TimeOfDay(meter.meterTime().toLocalTime().withNano(0))));
            case COMMUNICATION_ADDRESS, METER_NUMBER -> Optional.of(item.encode(new AddressValue(meter.address())));
            case RUN_STATUS_WORD_1, RUN_STATUS_WORD_2, RUN_STATUS_WORD_3, RUN_STATUS_WORD_4, RUN_STATUS_WORD_5,
                 RUN_STATUS_WORD_6, RUN_STATUS_WORD_7 -> {
                int word = di & 0xFF;
                yield Optional.of(item.encode(new StatusWord(word, meter.statusWord(word))));
            }
            case ACTIVE_POWER_UPPER_LIMIT -> Optional.of(Dlt645Values.number(item, meter.maxPowerKw()));
            case HOURLY_FREEZE_TIME -> MeterHistory.nthLast(meter.hourlyFreezes(), occurrence)
                    .map(record -> item.encode(new Timestamp(record.time())));
            case HOURLY_FREEZE_FORWARD_ACTIVE -> MeterHistory.nthLast(meter.hourlyFreezes(), occurrence)
                    .map(record -> Dlt645Values.number(item, record.forwardTotal()));
            case HOURLY_FREEZE_REVERSE_ACTIVE -> MeterHistory.nthLast(meter.hourlyFreezes(), occurrence)
                    .map(record -> Dlt645Values.number(item, record.reverseTotal()));
            case DAILY_FREEZE_TIME -> MeterHistory.nthLast(meter.dailyFreezes(), occurrence)
                    .map(record -> item.encode(new Timestamp(record.time())));
            case DAILY_FREEZE_FORWARD_ACTIVE -> MeterHistory.nthLast(meter.dailyFreezes(), occurrence)
                    .map(record -> Dlt645Values.numbers(item, record.forward()));
            case DAILY_FREEZE_REVERSE_ACTIVE -> MeterHistory.nthLast(meter.dailyFreezes(), occurrence)
                    .map(record -> Dlt645Values.numbers(item, record.reverse()));
            case REMAINING_ENERGY -> prepaid(meter, () -> Dlt645Values.number(item, meter.remainingKwh()));
            case OVERDRAFT_ENERGY -> prepaid(meter, () -> Dlt645Values.number(item, BigDecimal.ZERO));
            case PURCHASE_COUNT -> prepaid(meter, () -> Dlt645Values.number(item,
                    BigDecimal.valueOf(meter.purchaseCount())));
            case CUMULATIVE_PURCHASE -> prepaid(meter, () -> Dlt645Values.number(item, meter.cumulativePurchaseKwh()));
            default -> Optional.empty();
        };
    }

    private static Optional<byte[]> read1997(ElectricMeter meter, DataItem1997 item) {
        MeterReadings readings = meter.readings();
        int phaseIndex = (item.identifier().value() & 0x0F) - 1;
        return switch (item) {
            case FORWARD_ACTIVE_TOTAL, FORWARD_ACTIVE_TARIFF_1, FORWARD_ACTIVE_TARIFF_2, FORWARD_ACTIVE_TARIFF_3,
                 FORWARD_ACTIVE_TARIFF_4 -> Optional.of(Dlt645Values.number(item, meter.forwardKwh().get(phaseIndex + 1)));
            case FORWARD_ACTIVE_BLOCK -> Optional.of(Dlt645Values.numbers(item, meter.forwardKwh()));
            case REVERSE_ACTIVE_TOTAL -> Optional.of(Dlt645Values.number(item, meter.reverseKwh().getFirst()));
            case VOLTAGE_A, VOLTAGE_B, VOLTAGE_C -> Optional.of(Dlt645Values.number(item,
                    readings.voltages().get(phaseIndex)));
            case CURRENT_A, CURRENT_B, CURRENT_C -> Optional.of(Dlt645Values.number(item,
                    readings.currents().get(phaseIndex)));
            case ACTIVE_POWER_TOTAL -> Optional.of(Dlt645Values.number(item, readings.totalPowerKw()));
            case ACTIVE_POWER_A, ACTIVE_POWER_B, ACTIVE_POWER_C -> Optional.of(Dlt645Values.number(item,
                    readings.phasePowersKw().get(phaseIndex)));
            case POWER_FACTOR_TOTAL -> Optional.of(Dlt645Values.number(item, readings.totalPowerFactor()));
            case POWER_FACTOR_A, POWER_FACTOR_B, POWER_FACTOR_C -> Optional.of(Dlt645Values.number(item,
                    readings.phasePowerFactors().get(phaseIndex)));
            case DATE -> Optional.of(item.encode(DateWithWeekday.of(meter.meterTime().toLocalDate())));
            case TIME -> Optional.of(item.encode(new TimeOfDay(meter.meterTime().toLocalTime().withNano(0))));
            case METER_NUMBER -> Optional.of(item.encode(new AddressValue(meter.address())));
        };
    }

    private static Optional<byte[]> phase(DataItem item, List<BigDecimal> values, int column) {
        return Optional.of(Dlt645Values.number(item, values.get(column - 1)));
    }

    private static List<BigDecimal> withTotal(BigDecimal total, List<BigDecimal> phases) {
        return List.of(total, phases.get(0), phases.get(1), phases.get(2));
    }

    private static Optional<byte[]> prepaid(ElectricMeter meter, java.util.function.Supplier<byte[]> value) {
        return meter.config().prepaid() ? Optional.of(value.get()) : Optional.empty();
    }

    private static Optional<byte[]> event(ProfileItem record, List<LocalDateTime> times, DataIdentifier id) {
        return MeterHistory.nthLast(times, id.value() & 0xFF)
                .map(time -> record.item().encode(new Timestamp(time.truncatedTo(ChronoUnit.MINUTES))));
    }

    /** YYMMDDhhmmss as one number, 0 for "none" (the DHDSY event record's layout). */
    private static BigDecimal recordTime(LocalDateTime time) {
        return time == null ? BigDecimal.ZERO : new BigDecimal(time.format(RECORD_TIME));
    }

    private static boolean is(ProfileItem profileItem, DataIdentifier id) {
        return !profileItem.item().historic() && profileItem.identifier().equals(id);
    }

    private static boolean isHistory(ProfileItem profileItem, DataIdentifier id) {
        DataIdentifier base = profileItem.identifier();
        int occurrence = id.value() & 0xFF;
        return profileItem.item().historic() && base.version() == id.version()
                && (base.value() & 0xFFFFFF00) == (id.value() & 0xFFFFFF00) && occurrence >= 1 && occurrence <= 0xFE;
    }
}
