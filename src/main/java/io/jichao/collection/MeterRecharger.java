package io.jichao.collection;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.jichao.archive.MeterCapabilities;
import io.jichao.collection.CollectionEngine.MeterRoute;
import io.jichao.collection.link.BusRequest;
import io.jichao.collection.link.ExchangeOutcome;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.protocol.dlt645.Authorization;
import io.jichao.protocol.dlt645.DataItem;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.DataValue;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Response;
import io.jichao.protocol.dlt645.MeasurementUnit;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.dlt645.MeterProfile;
import io.jichao.shared.Kwh;

/**
 * The bus side of a recharge for one meter, through the engine's queue at WRITE priority: read
 * the purchase count and remaining energy (one exchange each), write the recharge once. Blocking;
 * callers are the delivery's virtual threads.
 */
final class MeterRecharger {

    /** What the meter said: its purchase count (and remaining energy), or why it could not be read. */
    sealed interface Reading {
    }

    /** The purchase count alone, the exactly-once anchor. */
    record Count(int purchaseCount) implements Reading {
        @Override
        public String toString() {
            return "purchase count " + purchaseCount;
        }
    }

    record Figures(int purchaseCount, BigDecimal remaining) implements Reading {
        @Override
        public String toString() {
            return "purchase count " + purchaseCount + ", remaining " + remaining.toPlainString() + " kWh";
        }
    }

    record Unreadable(String reason) implements Reading {
        @Override
        public String toString() {
            return "read failed (" + reason + ")";
        }
    }

    private final MeterProfile profile;
    private final Authorization authorization;

    MeterRecharger(MeterProfile profile, RechargeDeliveryProperties properties) {
        this.profile = profile;
        this.authorization = new Authorization(profile.recharge().passwordLevel(), properties.password(),
                properties.operatorCode());
    }

    /** Why this meter cannot take a recharge, or null when it can. */
    static String unsupported(MeterRoute route) {
        return MeterCapabilities.canHoldCredit(route.meter().protocol()) ? null
                : "protocol " + route.meter().protocol() + " has no recharge";
    }

    /**
     * True when the engine's reading item REMAINING_ENERGY (00900100 in the cycle's read plan) is
     * the item this profile reads back, so a stored reading of it is the same figure.
     */
    boolean remainingIsReadingItem() {
        return profile.remainingEnergy().item().identifier().equals(DataItem2007.REMAINING_ENERGY.identifier());
    }

    /** Purchase count, then remaining energy: two exchanges. */
    Reading read(PortLink link, MeterRoute route) {
        Reading count = count(link, route);
        return count instanceof Count counted ? remaining(link, route, counted) : count;
    }

    /** The purchase count: one exchange; a {@link Count} or {@link Unreadable}. */
    Reading count(PortLink link, MeterRoute route) {
        Object count = value(link, MeterAddress.of(route.meter().wireAddress()), profile.purchaseCount().item());
        if (count instanceof String failure) {
            return new Unreadable("purchase count: " + failure);
        }
        return new Count(((BigDecimal) count).intValueExact());
    }

    /** The remaining energy, one exchange, completing a count just read into {@link Figures}. */
    Reading remaining(PortLink link, MeterRoute route, Count count) {
        Object remaining = value(link, MeterAddress.of(route.meter().wireAddress()), profile.remainingEnergy().item());
        if (remaining instanceof String failure) {
            return new Unreadable("remaining energy: " + failure);
        }
        return new Figures(count.purchaseCount(), ((BigDecimal) remaining).setScale(2));
    }

    /** Writes the recharge once (never repeated by the bus); the outcome in words for the audit. */
    String write(PortLink link, MeterRoute route, Kwh energy) {
        MeterAddress address = MeterAddress.of(route.meter().wireAddress());
        var frame = Dlt645Commands.write(address, profile.recharge().item(), authorization,
                new DataValue.Quantity(energy.value(), MeasurementUnit.KILOWATT_HOUR));
        return switch (await(link.exchange(BusRequest.once(frame), Priority.WRITE))) {
            case ExchangeOutcome.Answered answered -> "write acknowledged";
            case ExchangeOutcome.Refused refused -> "write refused (" + refused.error() + ")";
            case ExchangeOutcome.TimedOut timedOut -> "write not answered";
            case ExchangeOutcome.LinkDown down -> "link down during write (" + down.reason() + ")";
            case ExchangeOutcome other -> "write: " + other;
        };
    }

    /** The decoded number, or a String saying why there is none. */
    private static Object value(PortLink link, MeterAddress address, DataItem item) {
        ExchangeOutcome outcome = await(link.exchange(BusRequest.of(Dlt645Commands.read(address, item)),
                Priority.WRITE));
        return switch (outcome) {
            case ExchangeOutcome.Answered answered when answered.answer() instanceof Dlt645Response.ReadAnswer answer
                    && answer.decode(item) instanceof DataValue.Quantity quantity -> quantity.value();
            case ExchangeOutcome.Answered answered -> "unexpected answer";
            case ExchangeOutcome.Refused refused -> "refused (" + refused.error() + ")";
            case ExchangeOutcome.TimedOut timedOut -> "no answer";
            case ExchangeOutcome.LinkDown down -> "link down";
            case ExchangeOutcome other -> other.toString();
        };
    }

    private static ExchangeOutcome await(CompletableFuture<ExchangeOutcome> pending) {
        try {
            return pending.get();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return new ExchangeOutcome.LinkDown("delivery stopped");
        } catch (ExecutionException failed) {
            return new ExchangeOutcome.LinkDown(String.valueOf(failed.getCause()));
        }
    }
}
