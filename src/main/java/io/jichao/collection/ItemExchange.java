package io.jichao.collection;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.jichao.collection.link.BusRequest;
import io.jichao.collection.link.ExchangeOutcome;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.protocol.dlt645.DataItem;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.Dlt645Response;

/**
 * The DL/T 645 reads of one meter in one visit, with the meter's {@link MeterCapabilities}: an
 * identifier the meter is known to refuse is not sent (until its re-probe is due), a fresh refusal
 * is remembered, an answer forgets an old refusal. Also keeps the visit's item coverage: the items
 * known to be unsupported (skipped), from which {@link MeterReader} tells missing items apart.
 */
final class ItemExchange {

    /** How asking for one identifier ended. */
    sealed interface Answer {
    }

    record Value(Dlt645Response.ReadAnswer answer) implements Answer {
    }

    /** The meter refused it: now ({@code known} false) or earlier, so it was not asked ({@code known} true). */
    record Refused(boolean known) implements Answer {
    }

    /** Timeout or link down: the meter's read ends. */
    record Failed(String reason) implements Answer {
    }

    /** Answered, but not as a read answer (a stray frame type): nothing to store. */
    record Empty() implements Answer {
    }

    private final PortLink link;
    private final long meterId;
    private final Priority priority;
    private final MeterCapabilities capabilities;
    private final Set<ReadingItem> unsupported = EnumSet.noneOf(ReadingItem.class);

    ItemExchange(PortLink link, long meterId, Priority priority, MeterCapabilities capabilities) {
        this.link = link;
        this.meterId = meterId;
        this.priority = priority;
        this.capabilities = capabilities;
    }

    /**
     * Sends {@code request} for {@code item} unless the meter is known to refuse it; items in
     * {@code serves} count as known-unsupported when it was not asked for that reason.
     */
    Answer ask(DataItem item, Dlt645Frame request, List<ReadingItem> serves) {
        if (capabilities.knownRefused(meterId, item)) {
            unsupported.addAll(serves);
            return new Refused(true);
        }
        ExchangeOutcome outcome = link.exchange(BusRequest.of(request), priority).join();
        return switch (outcome) {
            case ExchangeOutcome.TimedOut timedOut -> new Failed("TIMEOUT after " + timedOut.attempts() + " attempts");
            case ExchangeOutcome.LinkDown down -> new Failed("LINK_DOWN: " + down.reason());
            case ExchangeOutcome.Refused refused -> {
                capabilities.refused(meterId, item);
                yield new Refused(false);
            }
            case ExchangeOutcome.Answered answered when answered.answer() instanceof Dlt645Response.ReadAnswer read -> {
                capabilities.answered(meterId, item);
                yield new Value(read);
            }
            default -> new Empty();
        };
    }

    /**
     * Sends a request whose refusal is a state of the meter, not a lack of the item (a meter has no
     * daily freeze until its first midnight): asked every visit, never remembered, and a refusal
     * counts its {@code serves} as not offered now rather than missing.
     */
    Answer askTransient(Dlt645Frame request, List<ReadingItem> serves) {
        ExchangeOutcome outcome = link.exchange(BusRequest.of(request), priority).join();
        return switch (outcome) {
            case ExchangeOutcome.TimedOut timedOut -> new Failed("TIMEOUT after " + timedOut.attempts() + " attempts");
            case ExchangeOutcome.LinkDown down -> new Failed("LINK_DOWN: " + down.reason());
            case ExchangeOutcome.Refused refused -> {
                unsupported.addAll(serves);
                yield new Refused(false);
            }
            case ExchangeOutcome.Answered answered when answered.answer() instanceof Dlt645Response.ReadAnswer read ->
                    new Value(read);
            default -> new Empty();
        };
    }

    /** The items skipped in this visit because the meter is known not to offer them. */
    Set<ReadingItem> unsupported() {
        return unsupported;
    }
}
