package io.jichao.simulator;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.jichao.protocol.dlt645.DataIdentifier;
import io.jichao.protocol.dlt645.DataItem;

/** Faults of one meter, changed at run time from any thread and read by its bus. */
public final class DeviceFaults {

    private volatile boolean offline;
    private volatile Duration extraDelay = Duration.ZERO;
    private volatile boolean relayStuck;
    private final AtomicReference<Runnable> lostWriteAnswer = new AtomicReference<>();
    private volatile Set<DataIdentifier> refusedIdentifiers = Set.of();
    private final AtomicLong reads = new AtomicLong();

    /** An offline meter hears nothing and answers nothing, like one with its RS-485 wires cut. */
    public boolean offline() {
        return offline;
    }

    public void setOffline(boolean offline) {
        this.offline = offline;
    }

    /** Added to the bus's response delay: a slow meter. */
    public Duration extraDelay() {
        return extraDelay;
    }

    public void setExtraDelay(Duration extraDelay) {
        if (extraDelay == null || extraDelay.isNegative()) {
            throw new IllegalArgumentException("extra delay must not be negative");
        }
        this.extraDelay = extraDelay;
    }

    /**
     * A relay whose contacts do not move (welded, or a broken drive): the meter acknowledges
     * relay commands (C = 1C) as usual, but its relay and keep-power state stay as they are.
     */
    public boolean relayStuck() {
        return relayStuck;
    }

    public void setRelayStuck(boolean relayStuck) {
        this.relayStuck = relayStuck;
    }

    /**
     * The meter applies its next write (C = 14) but its answer never reaches the master:
     * {@code instead} runs at that moment (for example, the collector drops its connections).
     */
    public void loseNextWriteAnswer(Runnable instead) {
        lostWriteAnswer.set(instead == null ? () -> { } : instead);
    }

    /** The pending lost-answer fault, taken (it fires once), or null. */
    Runnable takeLostWriteAnswer() {
        return lostWriteAnswer.getAndSet(null);
    }

    /**
     * Identifiers this meter does not offer although it knows them: a read gets the abnormal
     * answer "no requested data" (error bit 1), as a meter without the optional voltage block
     * 0201FF00, or one that offers only the block, answers. Replaces the previous set.
     */
    public void setRefused(DataItem... items) {
        Set<DataIdentifier> refused = new java.util.HashSet<>();
        for (DataItem item : items) {
            refused.add(item.identifier());
        }
        refusedIdentifiers = Set.copyOf(refused);
    }

    public boolean refuses(DataIdentifier identifier) {
        return refusedIdentifiers.contains(identifier);
    }

    /** Read requests (C = 11 / 01, answered or refused) this meter has heard: a test's exchange count. */
    public long reads() {
        return reads.get();
    }

    void countRead() {
        reads.incrementAndGet();
    }

    void clear() {
        refusedIdentifiers = Set.of();
        offline = false;
        extraDelay = Duration.ZERO;
        relayStuck = false;
        lostWriteAnswer.set(null);
    }
}
