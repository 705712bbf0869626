package io.jichao.statement;

import java.time.Instant;

import io.jichao.shared.report.ReportCadence;

/** A subscription as the page shows it; {@code lastOutcome} is SENT or FAILED, null before the first run. */
public record ReportSubscriptionView(long id, String reportKey, String titleKey, ReportCadence cadence,
                                     String recipients, boolean enabled, Instant lastRunAt, String lastOutcome,
                                     String lastError) {
}
