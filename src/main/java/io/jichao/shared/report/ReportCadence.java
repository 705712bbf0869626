package io.jichao.shared.report;

/** Which period a subscribed report covers when it runs: the day or the month before the run (Asia/Shanghai). */
public enum ReportCadence {
    DAILY,
    MONTHLY
}
