package io.jichao.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.jichao.alarm.Severity;
import io.jichao.archive.ArchiveOverview.Counts;
import io.jichao.collection.ReadingSuccessService.ReadingSuccess;
import io.jichao.prepaid.RechargeOrderCounts.OpenOrders;
import io.jichao.shared.Money;

/**
 * Everything the operations home shows to one operator, each figure from its owning feature and
 * limited to the operator's district. A part the operator's role does not cover is null
 * ({@code schedules} and {@code engine} need MANAGE_COLLECTORS, {@code sales} and {@code orders}
 * RECHARGE or FINANCE).
 */
public record HomeSnapshot(Counts counts, ReadingSuccess readingToday, List<ScheduleRun> schedules,
                           EngineFigures engine, Map<Severity, Long> activeAlarms,
                           Map<LocalDate, Map<Severity, Long>> alarmTrend, long lowRemaining, long zeroRemaining,
                           List<OfficeSales> sales, OpenOrders orders) {

    /** A schedule's last run: {@code percent} null before its first finished run. */
    public record ScheduleRun(long scheduleId, String name, Integer percent, int failed, Instant finishedAt) {
    }

    /** {@code running} false: no engine in this process, the other figures are 0. */
    public record EngineFigures(boolean running, int collectorsOnline, int collectors, int portsConnected,
                                int ports) {
    }

    /** Net sales of a property office ({@code office} null for buildings without one). */
    public record OfficeSales(String office, Money today, Money month) {
    }

    public long activeAlarmTotal() {
        return activeAlarms.values().stream().mapToLong(Long::longValue).sum();
    }
}
