package io.jichao.report;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.component.icon.VaadinIcon;

import io.jichao.report.ui.DailyUsageView;
import io.jichao.report.ui.EnergyReportView;
import io.jichao.report.ui.LineLossView;
import io.jichao.report.ui.LowRemainingView;
import io.jichao.shared.report.ReportCadence;
import io.jichao.shared.report.ReportFile;
import io.jichao.shared.report.SubscribableReport;
import io.jichao.shared.ui.NavigationEntry;

/**
 * The reports' places in the side navigation, and the two reports finance can subscribe to by
 * e-mail: the daily usage report of the day before and the low-remaining-energy list (at each
 * meter's alarm level 1, as of the run), both XLSX.
 */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    NavigationEntry energyReportEntry() {
        return new NavigationEntry(30, "nav.reports.energy", VaadinIcon.BAR_CHART, EnergyReportView.class);
    }

    @Bean
    NavigationEntry lineLossEntry() {
        return new NavigationEntry(31, "nav.reports.lineloss", VaadinIcon.SITEMAP, LineLossView.class);
    }

    @Bean
    NavigationEntry dailyUsageEntry() {
        return new NavigationEntry(32, "nav.reports.daily", VaadinIcon.LIST, DailyUsageView.class);
    }

    @Bean
    NavigationEntry lowRemainingEntry() {
        return new NavigationEntry(33, "nav.reports.low", VaadinIcon.WARNING, LowRemainingView.class);
    }

    @Bean
    SubscribableReport dailyUsageReport(ReportExports exports) {
        return new SubscribableReport() {
            @Override
            public String key() {
                return "report.daily-usage";
            }

            @Override
            public String titleKey() {
                return "nav.reports.daily";
            }

            @Override
            public ReportCadence cadence() {
                return ReportCadence.DAILY;
            }

            @Override
            public ReportFile render(LocalDate periodStart, Locale locale) {
                return exports.dailyUsage(periodStart, ExportFormat.XLSX, locale);
            }
        };
    }

    @Bean
    SubscribableReport lowRemainingReport(ReportExports exports) {
        return new SubscribableReport() {
            @Override
            public String key() {
                return "report.low-remaining";
            }

            @Override
            public String titleKey() {
                return "nav.reports.low";
            }

            @Override
            public ReportCadence cadence() {
                return ReportCadence.DAILY;
            }

            /** The list is of the moment it runs: the period only names the mailing. */
            @Override
            public ReportFile render(LocalDate periodStart, Locale locale) {
                return exports.lowRemaining(null, ExportFormat.XLSX, locale);
            }
        };
    }
}
