package io.jichao.archive;

/** How a metering point is paid for: credit bought in advance, or settled monthly (R3). */
public enum BillingMode {
    PREPAID, POSTPAID
}
