package io.jichao.statement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.jichao.shared.report.ReportCadence;
import io.jichao.shared.report.ReportFile;
import io.jichao.shared.report.SubscribableReport;

/** The district's statements of the previous month as one ZIP, for subscribers (FINANCE, their district). */
@Component
class DistrictStatementsReport implements SubscribableReport {

    private final StatementBatchService batches;

    DistrictStatementsReport(StatementBatchService batches) {
        this.batches = batches;
    }

    @Override
    public String key() {
        return "statement.district-monthly";
    }

    @Override
    public String titleKey() {
        return "report.statements.monthly";
    }

    @Override
    public ReportCadence cadence() {
        return ReportCadence.MONTHLY;
    }

    @Override
    public ReportFile render(LocalDate periodStart, Locale locale) {
        YearMonth month = YearMonth.from(periodStart);
        return new ReportFile("statements-" + month + ".zip", "application/zip", batches.zip(month, locale));
    }
}
