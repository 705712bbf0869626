package io.jichao.prepaid;

/** Names of time-of-use periods (峰/平/谷); only labels, the price belongs to each period. */
public enum PeriodKind {
    PEAK, FLAT, VALLEY
}
