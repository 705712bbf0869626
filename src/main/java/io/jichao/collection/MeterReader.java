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
import java.util.EnumSet;
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
 * meter lacks it) is remembered in {@link MeterCapabilities} and not asked again until its
 * re-probe; a refused block is read as its single items in the same visit. The result names the
 * items that should have been stored and were not ({@link MeterReadResult#missing()}: the meter is
 * PARTIAL) apart from those the meter is known not to offer.
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
    private final MeterCapabilities capabilities;

    /** A reader of DHDSY meters ({@link MeterProfile#dhdsyDefault()} for the vendor items). */
    public MeterReader(Clock clock, ZoneId meterZone, MeterCapabilities capabilities) {
        this(clock, meterZone, MeterProfile.dhdsyDefault(), capabilities);
    }

    public MeterReader(Clock clock, ZoneId meterZone, MeterProfile profile, MeterCapabilities capabilities) {
        this.clock = clock;
        this.meterZone = meterZone;
        this.profile = profile;
        this.capabilities = capabilities;
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
        Set<ReadingItem> expected = Dlt645ReadPlan.expected(meter.protocol(), meter.phase(), wanted);
        if (meter.protocol() == MeterProtocol.MODBUS_RTU) {
            return readWater(link, meter, wanted, priority, started);
        }
        List<ItemValue> values = new ArrayList<>();
        MeterAddress address = MeterAddress.of(meter.wireAddress());
        ItemExchange items = new ItemExchange(link, meter.id(), priority, capabilities);
        LocalDate[] meterDate = {null};
        for (PlannedRead read : Dlt645ReadPlan.plan(meter.protocol(), meter.phase(), wanted)) {
            ItemExchange.Answer answer = items.ask(read.dataItem(), Dlt645Commands.read(address, read.dataItem()),
                    read.fallback().isEmpty() ? read.serves() : List.of());
            if (answer instanceof ItemExchange.Refused && !read.fallback().isEmpty()) {
                // An optional block the meter does not offer: its single items, in the same visit.
                for (PlannedRead single : read.fallback()) {
                    answer = items.ask(single.dataItem(), Dlt645Commands.read(address, single.dataItem()),
                            single.serves());
                    if (answer instanceof ItemExchange.Failed failed) {
                        return result(meter, started, values, failed.reason(), expected, items);
                    }
                    keep(single, answer, started, values, meterDate);
                }
                continue;
            }
            if (answer instanceof ItemExchange.Failed failed) {
                return result(meter, started, values, failed.reason(), expected, items);
            }
            keep(read, answer, started, values, meterDate);
        }
        if (wanted.contains(ReadingItem.DAILY_FREEZE) && meter.protocol() == MeterProtocol.DLT645_2007) {
            Optional<String> failure = readDailyFreeze(items, address, values);
            if (failure.isPresent()) {
                return result(meter, started, values, failure.get(), expected, items);
            }
        }
        if (meter.protocol() == MeterProtocol.DLT645_2007 && OVERLOAD_ITEMS.stream().anyMatch(wanted::contains)) {
            Optional<String> failure = readOverloadTrips(items, address, values);
            if (failure.isPresent()) {
                return result(meter, started, values, failure.get(), expected, items);
            }
        }
        return result(meter, started, values, null, expected, items);
    }

    /**
     * The visit's result with its coverage: items expected but neither stored nor known to be
     * unsupported are missing (a timeout, a first refusal, an answer that could not be stored).
     */
    private static MeterReadResult result(MeterDevice meter, Instant started, List<ItemValue> values, String failure,
                                          Set<ReadingItem> expected, ItemExchange items) {
        Set<ReadingItem> stored = EnumSet.noneOf(ReadingItem.class);
        values.forEach(value -> stored.add(value.item()));
        Set<ReadingItem> unsupported = EnumSet.noneOf(ReadingItem.class);
        items.unsupported().stream().filter(expected::contains).filter(item -> !stored.contains(item))
                .forEach(unsupported::add);
        Set<ReadingItem> missing = EnumSet.noneOf(ReadingItem.class);
        expected.stream().filter(item -> !stored.contains(item) && !unsupported.contains(item)).forEach(missing::add);
        return new MeterReadResult(meter.id(), started, values, Optional.ofNullable(failure), missing, unsupported);
    }

    private void keep(PlannedRead read, ItemExchange.Answer answer, Instant started, List<ItemValue> values,
                      LocalDate[] meterDate) {
        if (!(answer instanceof ItemExchange.Value(Dlt645Response.ReadAnswer readAnswer))) {
            return;
        }
        switch (readAnswer.decode(read.dataItem())) {
            case DataValue.Quantity quantity -> values.add(new ItemValue(read.produces().getFirst(),
                    quantity.value(), null));
            case DataValue.QuantityBlock block -> {
                for (int i = 0; i < read.produces().size() && i < block.values().size(); i++) {
                    values.add(new ItemValue(read.produces().get(i), block.values().get(i), null));
                }
            }
            case StatusWord status -> values.add(new ItemValue(read.produces().getFirst(),
                    BigDecimal.valueOf(status.bits()), null));
            case DataValue.DateWithWeekday date -> meterDate[0] = date.date();
            case DataValue.TimeOfDay time -> {
                if (meterDate[0] != null) {
                    values.add(clockOffset(meterDate[0], time, started));
                }
            }
            default -> {
                // A format this reader does not store: nothing to keep.
            }
        }
    }

    /**
     * The profile's overload trip count, then, once the meter has tripped, its last trip record
     * (see {@link OverloadTripRecord}). A meter without the vendor items refuses them and gives
     * nothing; a timeout fails the meter like any item.
     */
    private Optional<String> readOverloadTrips(ItemExchange items, MeterAddress address, List<ItemValue> values) {
        DataItem countItem = profile.overloadTripCount().item();
        ItemExchange.Answer countAnswer = items.ask(countItem, Dlt645Commands.read(address, countItem),
                List.of(ReadingItem.OVERLOAD_TRIP_COUNT));
        if (countAnswer instanceof ItemExchange.Failed failed) {
            return Optional.of(failed.reason());
        }
        if (!(countAnswer instanceof ItemExchange.Value(Dlt645Response.ReadAnswer countRead))
                || !(countRead.decode(countItem) instanceof DataValue.Quantity count)) {
            return Optional.empty();
        }
        values.add(new ItemValue(ReadingItem.OVERLOAD_TRIP_COUNT, count.value(), null));
        if (count.value().signum() == 0) {
            return Optional.empty();
        }
        DataItem recordItem = profile.lastOverloadTrip().item();
        ItemExchange.Answer recordAnswer = items.ask(recordItem, Dlt645Commands.read(address, recordItem), List.of());
        if (recordAnswer instanceof ItemExchange.Failed failed) {
            return Optional.of(failed.reason());
        }
        if (recordAnswer instanceof ItemExchange.Value(Dlt645Response.ReadAnswer recordRead)
                && recordRead.decode(recordItem) instanceof DataValue.QuantityBlock record) {
            values.addAll(OverloadTripRecord.values(record.values()));
        }
        return Optional.empty();
    }

    /**
     * The most recent daily freeze (n = 1): its time, then its forward total, as one DAILY_FREEZE
     * value whose {@code meterTime} is the freeze time by the meter's clock. A meter without a
     * freeze yet refuses the time and gives nothing (not offered now, asked again next visit); a
     * timeout fails the meter like any item.
     */
    private static Optional<String> readDailyFreeze(ItemExchange items, MeterAddress address, List<ItemValue> values) {
        List<ReadingItem> serves = List.of(ReadingItem.DAILY_FREEZE);
        ItemExchange.Answer timeAnswer = items.askTransient(
                Dlt645Commands.readHistory(address, DataItem2007.DAILY_FREEZE_TIME, 1), serves);
        if (timeAnswer instanceof ItemExchange.Failed failed) {
            return Optional.of(failed.reason());
        }
        if (!(timeAnswer instanceof ItemExchange.Value(Dlt645Response.ReadAnswer timeRead))
                || !(timeRead.decode(DataItem2007.DAILY_FREEZE_TIME) instanceof DataValue.Timestamp frozenAt)) {
            return Optional.empty();
        }
        ItemExchange.Answer valueAnswer = items.askTransient(
                Dlt645Commands.readHistory(address, DataItem2007.DAILY_FREEZE_FORWARD_ACTIVE, 1), serves);
        if (valueAnswer instanceof ItemExchange.Failed failed) {
            return Optional.of(failed.reason());
        }
        if (valueAnswer instanceof ItemExchange.Value(Dlt645Response.ReadAnswer valueRead)) {
            switch (valueRead.decode(DataItem2007.DAILY_FREEZE_FORWARD_ACTIVE)) {
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
        return Optional.empty();
    }

    private MeterReadResult readWater(PortLink link, MeterDevice meter, Set<ReadingItem> wanted, Priority priority,
                                      Instant started) {
        if (!wanted.contains(ReadingItem.WATER_VOLUME)) {
            return new MeterReadResult(meter.id(), started, List.of(), Optional.empty());
        }
        Set<ReadingItem> expected = Set.of(ReadingItem.WATER_VOLUME);
        int unit = Integer.parseInt(meter.wireAddress());
        ModbusRequest request = new ModbusRequest.ReadHoldingRegisters(unit, WATER_LITRES_REGISTER, 2);
        ExchangeOutcome outcome = await(link.exchange(BusRequest.of(request), priority));
        Optional<String> failure = failureOf(outcome);
        if (failure.isPresent()) {
            return new MeterReadResult(meter.id(), started, List.of(), failure, expected, Set.of());
        }
        if (outcome instanceof ExchangeOutcome.Answered answered
                && answered.answer() instanceof ModbusResponse.ReadRegistersResponse registers) {
            long litres = registers.uint32(0, io.jichao.protocol.modbus.WordOrder.HIGH_WORD_FIRST);
            BigDecimal cubicMetres = BigDecimal.valueOf(litres).divide(LITRES_PER_CUBIC_METRE, 3, RoundingMode.UNNECESSARY);
            return new MeterReadResult(meter.id(), started,
                    List.of(new ItemValue(ReadingItem.WATER_VOLUME, cubicMetres, null)), Optional.empty());
        }
        return new MeterReadResult(meter.id(), started, List.of(), Optional.empty(), expected, Set.of());
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
