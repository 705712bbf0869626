package io.jichao.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.collection.Dlt645ReadPlan.PlannedRead;
import io.jichao.collection.link.BusRequest;
import io.jichao.collection.link.ExchangeOutcome;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.protocol.dlt645.DataItem;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.DataValue;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Response;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.dlt645.MeterProfile;
import io.jichao.protocol.dlt645.StatusWord;
import io.jichao.protocol.modbus.ModbusRequest;
import io.jichao.protocol.modbus.ModbusResponse;

/**
 * Reads a set of {@link ReadingItem}s from one meter through its port's queue, one exchange after
 * the other. Blocking by design: callers are virtual threads (one per port in a cycle, the
 * operator's request thread for "read now"), never the event loop.
 *
 * <p>A timeout or a lost link ends the meter's read at once: with retries a dead meter already
 * costs (1 + retries) × timeout per item, and the rest of the bus is waiting. A refused item (the
 * meter lacks it) is skipped and the meter still counts as read.
 */
public final class MeterReader {

    /** Water meters (simulator and common devices): total volume in litres, uint32 high word first. */
    static final int WATER_LITRES_REGISTER = 0x0002;
    private static final BigDecimal LITRES_PER_CUBIC_METRE = BigDecimal.valueOf(1000);

    private static final Set<ReadingItem> OVERLOAD_ITEMS = Set.of(ReadingItem.OVERLOAD_TRIP_COUNT,
            ReadingItem.LAST_OVERLOAD_TRIP, ReadingItem.LAST_OVERLOAD_RESTORE);

    private final Clock clock;
    private final ZoneId meterZone;
    private final MeterProfile profile;

    /** A reader of DHDSY meters ({@link MeterProfile#dhdsyDefault()} for the vendor items). */
    public MeterReader(Clock clock, ZoneId meterZone) {
        this(clock, meterZone, MeterProfile.dhdsyDefault());
    }

    public MeterReader(Clock clock, ZoneId meterZone, MeterProfile profile) {
        this.clock = clock;
        this.meterZone = meterZone;
        this.profile = profile;
    }

    /**
     * Whether {@code wanted} holds anything this meter can give: a water meter has only its volume,
     * an electricity meter no volume, a 1997 meter no freezes. A cycle leaves the other meters out,
     * so a water cycle neither counts nor "reads" the electricity meters of the site.
     */
    public static boolean readsAnything(MeterDevice meter, Set<ReadingItem> wanted) {
        if (meter.protocol() == MeterProtocol.MODBUS_RTU) {
            return wanted.contains(ReadingItem.WATER_VOLUME);
        }
        return !Dlt645ReadPlan.plan(meter.protocol(), meter.phase(), wanted).isEmpty()
                || meter.protocol() == MeterProtocol.DLT645_2007 && (wanted.contains(ReadingItem.DAILY_FREEZE)
                        || OVERLOAD_ITEMS.stream().anyMatch(wanted::contains));
    }

    public MeterReadResult read(PortLink link, MeterDevice meter, Set<ReadingItem> wanted, Priority priority) {
        Instant started = clock.instant();
        if (meter.protocol() == MeterProtocol.MODBUS_RTU) {
            return readWater(link, meter, wanted, priority, started);
        }
        List<ItemValue> values = new ArrayList<>();
        MeterAddress address = MeterAddress.of(meter.wireAddress());
        LocalDate meterDate = null;
        for (PlannedRead read : Dlt645ReadPlan.plan(meter.protocol(), meter.phase(), wanted)) {
            ExchangeOutcome outcome = await(link.exchange(BusRequest.of(Dlt645Commands.read(address, read.dataItem())),
                    priority));
            Optional<String> failure = failureOf(outcome);
            if (failure.isPresent()) {
                return new MeterReadResult(meter.id(), started, values, failure);
            }
            if (!(outcome instanceof ExchangeOutcome.Answered answered)
                    || !(answered.answer() instanceof Dlt645Response.ReadAnswer answer)) {
                continue;
            }
            DataValue value = answer.decode(read.dataItem());
            switch (value) {
                case DataValue.Quantity quantity -> values.add(new ItemValue(read.produces().getFirst(),
                        quantity.value(), null));
                case DataValue.QuantityBlock block -> {
                    for (int i = 0; i < read.produces().size() && i < block.values().size(); i++) {
                        values.add(new ItemValue(read.produces().get(i), block.values().get(i), null));
                    }
                }
                case StatusWord status -> values.add(new ItemValue(read.produces().getFirst(),
                        BigDecimal.valueOf(status.bits()), null));
                case DataValue.DateWithWeekday date -> meterDate = date.date();
                case DataValue.TimeOfDay time -> {
                    if (meterDate != null) {
                        values.add(clockOffset(meterDate, time, started));
                    }
                }
                default -> {
                    // A format this reader does not store: nothing to keep.
                }
            }
        }
        if (wanted.contains(ReadingItem.DAILY_FREEZE) && meter.protocol() == MeterProtocol.DLT645_2007) {
            Optional<String> failure = readDailyFreeze(link, address, priority, values);
            if (failure.isPresent()) {
                return new MeterReadResult(meter.id(), started, values, failure);
            }
        }
        if (meter.protocol() == MeterProtocol.DLT645_2007 && OVERLOAD_ITEMS.stream().anyMatch(wanted::contains)) {
            Optional<String> failure = readOverloadTrips(link, address, priority, values);
            if (failure.isPresent()) {
                return new MeterReadResult(meter.id(), started, values, failure);
            }
        }
        return new MeterReadResult(meter.id(), started, values, Optional.empty());
    }

    /**
     * The profile's overload trip count, then, once the meter has tripped, its last trip record
     * (see {@link OverloadTripRecord}). A meter without the vendor items refuses them and gives
     * nothing; a timeout fails the meter like any item.
     */
    private Optional<String> readOverloadTrips(PortLink link, MeterAddress address, Priority priority,
                                               List<ItemValue> values) {
        DataItem countItem = profile.overloadTripCount().item();
        ExchangeOutcome countOutcome = await(link.exchange(BusRequest.of(Dlt645Commands.read(address, countItem)),
                priority));
        Optional<String> failure = failureOf(countOutcome);
        if (failure.isPresent() || !(countOutcome instanceof ExchangeOutcome.Answered countAnswered)
                || !(countAnswered.answer() instanceof Dlt645Response.ReadAnswer countAnswer)
                || !(countAnswer.decode(countItem) instanceof DataValue.Quantity count)) {
            return failure;
        }
        values.add(new ItemValue(ReadingItem.OVERLOAD_TRIP_COUNT, count.value(), null));
        if (count.value().signum() == 0) {
            return Optional.empty();
        }
        DataItem recordItem = profile.lastOverloadTrip().item();
        ExchangeOutcome recordOutcome = await(link.exchange(BusRequest.of(Dlt645Commands.read(address, recordItem)),
                priority));
        failure = failureOf(recordOutcome);
        if (failure.isEmpty() && recordOutcome instanceof ExchangeOutcome.Answered recordAnswered
                && recordAnswered.answer() instanceof Dlt645Response.ReadAnswer recordAnswer
                && recordAnswer.decode(recordItem) instanceof DataValue.QuantityBlock record) {
            values.addAll(OverloadTripRecord.values(record.values()));
        }
        return failure;
    }

    /**
     * The most recent daily freeze (n = 1): its time, then its forward total, as one DAILY_FREEZE
     * value whose {@code meterTime} is the freeze time by the meter's clock. A meter without a
     * freeze yet refuses the time and gives nothing; a timeout fails the meter like any item.
     */
    private static Optional<String> readDailyFreeze(PortLink link, MeterAddress address, Priority priority,
                                                    List<ItemValue> values) {
        ExchangeOutcome timeOutcome = await(link.exchange(BusRequest.of(
                Dlt645Commands.readHistory(address, DataItem2007.DAILY_FREEZE_TIME, 1)), priority));
        Optional<String> failure = failureOf(timeOutcome);
        if (failure.isPresent() || !(timeOutcome instanceof ExchangeOutcome.Answered timeAnswered)
                || !(timeAnswered.answer() instanceof Dlt645Response.ReadAnswer timeAnswer)
                || !(timeAnswer.decode(DataItem2007.DAILY_FREEZE_TIME) instanceof DataValue.Timestamp frozenAt)) {
            return failure;
        }
        ExchangeOutcome valueOutcome = await(link.exchange(BusRequest.of(
                Dlt645Commands.readHistory(address, DataItem2007.DAILY_FREEZE_FORWARD_ACTIVE, 1)), priority));
        failure = failureOf(valueOutcome);
        if (failure.isEmpty() && valueOutcome instanceof ExchangeOutcome.Answered valueAnswered
                && valueAnswered.answer() instanceof Dlt645Response.ReadAnswer valueAnswer) {
            switch (valueAnswer.decode(DataItem2007.DAILY_FREEZE_FORWARD_ACTIVE)) {
                case DataValue.Quantity quantity ->
                        values.add(new ItemValue(ReadingItem.DAILY_FREEZE, quantity.value(), frozenAt.dateTime()));
                case DataValue.QuantityBlock block when !block.values().isEmpty() ->
                        values.add(new ItemValue(ReadingItem.DAILY_FREEZE, block.values().getFirst(),
                                frozenAt.dateTime()));
                default -> {
                    // No total in the answer: nothing to keep.
                }
            }
        }
        return failure;
    }

    private MeterReadResult readWater(PortLink link, MeterDevice meter, Set<ReadingItem> wanted, Priority priority,
                                      Instant started) {
        if (!wanted.contains(ReadingItem.WATER_VOLUME)) {
            return new MeterReadResult(meter.id(), started, List.of(), Optional.empty());
        }
        int unit = Integer.parseInt(meter.wireAddress());
        ModbusRequest request = new ModbusRequest.ReadHoldingRegisters(unit, WATER_LITRES_REGISTER, 2);
        ExchangeOutcome outcome = await(link.exchange(BusRequest.of(request), priority));
        Optional<String> failure = failureOf(outcome);
        if (failure.isPresent()) {
            return new MeterReadResult(meter.id(), started, List.of(), failure);
        }
        if (outcome instanceof ExchangeOutcome.Answered answered
                && answered.answer() instanceof ModbusResponse.ReadRegistersResponse registers) {
            long litres = registers.uint32(0, io.jichao.protocol.modbus.WordOrder.HIGH_WORD_FIRST);
            BigDecimal cubicMetres = BigDecimal.valueOf(litres).divide(LITRES_PER_CUBIC_METRE, 3, RoundingMode.UNNECESSARY);
            return new MeterReadResult(meter.id(), started,
                    List.of(new ItemValue(ReadingItem.WATER_VOLUME, cubicMetres, null)), Optional.empty());
        }
        return new MeterReadResult(meter.id(), started, List.of(), Optional.empty());
    }

    private ItemValue clockOffset(LocalDate meterDate, DataValue.TimeOfDay time, Instant readAt) {
        LocalDateTime meterTime = LocalDateTime.of(meterDate, time.time());
        long seconds = Duration.between(readAt, meterTime.atZone(meterZone).toInstant()).toSeconds();
        return new ItemValue(ReadingItem.METER_TIME, BigDecimal.valueOf(seconds), meterTime);
    }

    /** Timeouts and lost links fail the meter; answers (also refusals) do not. */
    private static Optional<String> failureOf(ExchangeOutcome outcome) {
        return switch (outcome) {
            case ExchangeOutcome.TimedOut timedOut -> Optional.of("TIMEOUT after " + timedOut.attempts() + " attempts");
            case ExchangeOutcome.LinkDown down -> Optional.of("LINK_DOWN: " + down.reason());
            case ExchangeOutcome.Answered answered -> Optional.empty();
            case ExchangeOutcome.Refused refused -> Optional.empty();
            case ExchangeOutcome.ModbusException exception -> Optional.empty();
            case ExchangeOutcome.Sent sent -> Optional.empty();
        };
    }

    private static ExchangeOutcome await(CompletableFuture<ExchangeOutcome> exchange) {
        return exchange.join();
    }
}
