package io.jichao.home;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import io.jichao.alarm.AlarmService;
import io.jichao.archive.ArchiveOverview;
import io.jichao.collection.CollectionSchedule;
import io.jichao.collection.CollectionScheduleService;
import io.jichao.collection.EngineMonitor;
import io.jichao.collection.EngineStatus;
import io.jichao.collection.ReadingSuccessService;
import io.jichao.home.HomeSnapshot.EngineFigures;
import io.jichao.home.HomeSnapshot.OfficeSales;
import io.jichao.home.HomeSnapshot.ScheduleRun;
import io.jichao.prepaid.RechargeOrderCounts;
import io.jichao.prepaid.SalesReportService;
import io.jichao.prepaid.SalesReportService.Period;
import io.jichao.prepaid.SalesReportService.SalesReport;
import io.jichao.report.MeterListService;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;

/**
 * Gathers the operations home (R23) from the owning features' public services, each of which
 * checks the operator and limits to the district itself; this class only decides which parts the
 * operator's role gets. Reads only: no table of its own.
 */
@Service
public class HomeFigures {

    /** Days in the alarm trend, today included. */
    public static final int TREND_DAYS = 7;
    /** Remaining energy is stored in 0.01 kWh: below this is "nothing left". */
    private static final BigDecimal ZERO_REMAINING = new BigDecimal("0.01");

    private final CurrentOperator currentOperator;
    private final ArchiveOverview overview;
    private final ReadingSuccessService readings;
    private final CollectionScheduleService schedules;
    private final EngineMonitor engine;
    private final AlarmService alarms;
    private final MeterListService meterLists;
    private final SalesReportService sales;
    private final RechargeOrderCounts orders;
    private final Clock clock;

    HomeFigures(CurrentOperator currentOperator, ArchiveOverview overview, ReadingSuccessService readings,
                CollectionScheduleService schedules, EngineMonitor engine, AlarmService alarms,
                MeterListService meterLists, SalesReportService sales, RechargeOrderCounts orders, Clock clock) {
        this.currentOperator = currentOperator;
        this.overview = overview;
        this.readings = readings;
        this.schedules = schedules;
        this.engine = engine;
        this.alarms = alarms;
        this.meterLists = meterLists;
        this.sales = sales;
        this.orders = orders;
        this.clock = clock;
    }

    public HomeSnapshot load() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
        boolean collectors = operator.has(Permission.MANAGE_COLLECTORS);
        boolean money = operator.has(Permission.FINANCE) || operator.has(Permission.RECHARGE);
        return new HomeSnapshot(overview.counts(), readings.today(),
                collectors ? scheduleRuns() : null, collectors ? engineFigures() : null,
                alarms.activeCounts(), alarms.raisedPerDay(today, TREND_DAYS),
                meterLists.lowRemaining(null).rows().size(), meterLists.lowRemaining(ZERO_REMAINING).rows().size(),
                money ? officeSales(today) : null, money ? orders.open() : null);
    }

    private List<ScheduleRun> scheduleRuns() {
        return schedules.list().stream().map(listing -> {
            CollectionSchedule schedule = listing.schedule();
            CollectionSchedule.LastRun run = schedule.lastRun();
            if (run == null || run.running() || run.total() == null) {
                return new ScheduleRun(schedule.id(), schedule.name(), null, 0, null);
            }
            Integer percent = run.total() == 0 ? null : run.succeeded() * 100 / run.total();
            return new ScheduleRun(schedule.id(), schedule.name(), percent, run.failed(), run.finishedAt());
        }).toList();
    }

    private EngineFigures engineFigures() {
        EngineStatus status = engine.status();
        if (!status.running()) {
            return new EngineFigures(false, 0, 0, 0, 0);
        }
        List<EngineStatus.CollectorStatus> all = status.collectors();
        int online = (int) all.stream().filter(EngineStatus.CollectorStatus::online).count();
        int ports = all.stream().mapToInt(c -> c.ports().size()).sum();
        int connected = (int) all.stream().flatMap(c -> c.ports().stream())
                .filter(EngineStatus.PortStatus::connected).count();
        return new EngineFigures(true, online, all.size(), connected, ports);
    }

    private List<OfficeSales> officeSales(LocalDate today) {
        Map<String, Money> day = netPerOffice(sales.report(new Period.Day(today)));
        Map<String, Money> month = netPerOffice(sales.report(new Period.Month(YearMonth.from(today))));
        return month.entrySet().stream()
                .map(e -> new OfficeSales(e.getKey(), day.getOrDefault(e.getKey(), Money.ZERO), e.getValue()))
                .sorted(Comparator.comparing(OfficeSales::office, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static Map<String, Money> netPerOffice(SalesReport report) {
        Map<String, Money> perOffice = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        report.rows().forEach(row -> perOffice.merge(row.office(), row.figures().net(), Money::plus));
        return perOffice;
    }
}
