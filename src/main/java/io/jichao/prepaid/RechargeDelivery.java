package io.jichao.prepaid;

/**
 * Port to the collection engine, which implements it (this feature has no implementation). The
 * recharge service hands each new order over after its transaction has committed; the engine
 * queues it, writes the meter, reads it back and reports through {@link RechargeProgress}
 * ({@code markSent}, {@code markConfirmed}, {@code markFailed}). Orders handed over while the engine
 * is down are not lost: {@link RechargeProgress#awaitingDelivery(int)} lists them again.
 */
public interface RechargeDelivery {

    /** Must return quickly and never throw for an unreachable meter: queueing is the engine's job. */
    void deliver(RechargeInstruction instruction);

    /**
     * A recharge of this meter is likely soon (a clerk has just opened it on the recharge page):
     * the engine may read what it needs beforehand, so the delivery takes fewer bus exchanges. Must
     * return at once and never throw; a hint only, nothing depends on it. Does nothing by default.
     */
    default void prepare(long meterId) {
    }
}
