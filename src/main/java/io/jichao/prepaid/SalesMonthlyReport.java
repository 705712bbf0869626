package io.jichao.prepaid;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.jichao.prepaid.SalesReportService.Period;
import io.jichao.shared.report.ReportCadence;
import io.jichao.shared.report.ReportFile;
import io.jichao.shared.report.SubscribableReport;

/** The monthly sales report as XLSX for subscribers: {@link SalesExportService#xlsx} with the subscriber's rights. */
@Component
class SalesMonthlyReport implements SubscribableReport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SalesExportService exports;

    SalesMonthlyReport(SalesExportService exports) {
        this.exports = exports;
    }

    @Override
    public String key() {
        return "prepaid.sales-monthly";
    }

    @Override
    public String titleKey() {
        return "report.sales.monthly";
    }

    @Override
    public ReportCadence cadence() {
        return ReportCadence.MONTHLY;
    }

    @Override
    public ReportFile render(LocalDate periodStart, Locale locale) {
        Period period = new Period.Month(YearMonth.from(periodStart));
        return new ReportFile(SalesExportService.fileName(period) + ".xlsx", XLSX, exports.xlsx(period, locale));
    }
}
