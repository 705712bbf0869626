package io.jichao.report;

/**
 * The rows of an energy report. Hours come from {@code energy_hourly}; days from
 * {@code energy_daily}; months and years are sums of their Asia/Shanghai days.
 */
public enum Granularity {
    HOUR, DAY, MONTH, YEAR
}
