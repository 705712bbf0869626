package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.collection.FrozenEnergy.Kind;
import io.jichao.collection.link.BusRequest;
import io.jichao.collection.link.ExchangeOutcome;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.DataValue;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Response;
import io.jichao.protocol.dlt645.MeterAddress;

/**
 * Reads a DL/T 645-2007 meter's own freezes back, newest first, until they reach the start of a
 * gap: the hourly ones (n = 1..48) and, where the gap is older than the oldest hourly freeze, the
 * daily ones (n = 1..31). Each record is two exchanges (time, then value) because the meter keeps
 * them as separate identifiers with the same n.
 *
 * <p>The freeze time is the meter's local time (as it stood when it froze, drift included); it is
 * turned into an instant in {@code meterZone}. 1997 meters have no such identifiers and give none.
 * Blocking like {@link MeterReader}: callers are virtual threads.
 */
final class FreezeReader {

    static final int HOURLY_RECORDS = 48;
    static final int DAILY_RECORDS = 31;

    private final ZoneId meterZone;

    FreezeReader(ZoneId meterZone) {
        this.meterZone = meterZone;
    }

    /** Freezes strictly after {@code after} and strictly before {@code before}, newest first. */
    Backfill read(PortLink link, MeterDevice meter, Instant after, Instant before, Priority priority) {
        List<FrozenEnergy> found = new ArrayList<>();
        if (meter.protocol() != MeterProtocol.DLT645_2007) {
            return new Backfill(meter.id(), after, before, found);
        }
        MeterAddress address = MeterAddress.of(meter.wireAddress());
        Instant oldestHourly = collect(link, address, priority, Kind.HOURLY, after, before, null, found);
        if (oldestHourly != null && oldestHourly.isAfter(after)) {
            // Daily freezes only for the part of the gap the 48 hourly ones no longer reach (a gap
            // of more than two days); without any hourly answer the bus is not worth asking again.
            collect(link, address, priority, Kind.DAILY, after, before, oldestHourly, found);
        }
        return new Backfill(meter.id(), after, before, found);
    }

    /** Adds records in (after, before) and below {@code below}; returns the oldest time seen. */
    private Instant collect(PortLink link, MeterAddress address, Priority priority, Kind kind, Instant after,
                            Instant before, Instant below, List<FrozenEnergy> found) {
        DataItem2007 timeItem = kind == Kind.HOURLY ? DataItem2007.HOURLY_FREEZE_TIME : DataItem2007.DAILY_FREEZE_TIME;
        DataItem2007 valueItem = kind == Kind.HOURLY
                ? DataItem2007.HOURLY_FREEZE_FORWARD_ACTIVE : DataItem2007.DAILY_FREEZE_FORWARD_ACTIVE;
        int records = kind == Kind.HOURLY ? HOURLY_RECORDS : DAILY_RECORDS;
        Instant oldest = null;
        for (int n = 1; n <= records; n++) {
            Optional<DataValue> time = readValue(link, address, timeItem, n, priority);
            if (time.isEmpty() || !(time.get() instanceof DataValue.Timestamp stamp)) {
                break;   // fewer records than n (a new meter), refused, or the bus failed: stop here
            }
            Instant frozenAt = stamp.dateTime().atZone(meterZone).toInstant();
            oldest = frozenAt;
            if (!frozenAt.isAfter(after)) {
                break;   // newest first: everything further back is older still
            }
            if (!frozenAt.isBefore(before) || (below != null && !frozenAt.isBefore(below))) {
                continue;
            }
            Optional<BigDecimal> value = readValue(link, address, valueItem, n, priority).flatMap(FreezeReader::total);
            if (value.isEmpty()) {
                break;
            }
            found.add(new FrozenEnergy(kind, frozenAt, value.get()));
        }
        return oldest;
    }

    private static Optional<BigDecimal> total(DataValue value) {
        return switch (value) {
            case DataValue.Quantity quantity -> Optional.of(quantity.value());
            case DataValue.QuantityBlock block when !block.values().isEmpty() -> Optional.of(block.values().getFirst());
            default -> Optional.empty();
        };
    }

    private static Optional<DataValue> readValue(PortLink link, MeterAddress address, DataItem2007 item, int n,
                                                 Priority priority) {
        ExchangeOutcome outcome = link.exchange(BusRequest.of(Dlt645Commands.readHistory(address, item, n)), priority)
                .join();
        if (outcome instanceof ExchangeOutcome.Answered answered
                && answered.answer() instanceof Dlt645Response.ReadAnswer answer) {
            return Optional.of(answer.decode(item));
        }
        return Optional.empty();
    }
}
