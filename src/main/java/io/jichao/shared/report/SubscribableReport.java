package io.jichao.shared.report;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A report finance can subscribe to: features contribute beans of this type, the scheduled-report
 * job renders each subscription for the period before the run and e-mails it. {@link #render} runs
 * with the subscribing operator's security context, so the feature's own role and district checks
 * apply as if the operator had clicked.
 */
public interface SubscribableReport {

    /** Stable identifier stored with subscriptions, e.g. {@code prepaid.sales-monthly}. */
    String key();

    /** i18n key of the report's name. */
    String titleKey();

    ReportCadence cadence();

    /** Renders the period starting at {@code periodStart} (a day, or the first day of a month). */
    ReportFile render(LocalDate periodStart, Locale locale);
}
