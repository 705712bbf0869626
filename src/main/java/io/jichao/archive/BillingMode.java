package io.jichao.archive;

/**
 * How a metering point is paid for (R3): credit bought in advance and kept by the meter (PREPAID),
 * settled monthly (POSTPAID), or credit bought in advance and kept by the host (HOST_PREPAID, 主站费控):
 * the balance lives in yuan in the ledger, each stored energy reading debits it, and the engine trips
 * the relay at zero. HOST_PREPAID needs a meter whose protocol has a relay command.
 */
public enum BillingMode {
    PREPAID, POSTPAID, HOST_PREPAID;

    /** Sold credit in advance (a recharge page household), whoever keeps the balance. */
    public boolean prepaid() {
        return this != POSTPAID;
    }
}
