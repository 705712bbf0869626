package io.jichao.statement;

import io.jichao.shared.report.ReportCadence;

/** A report one can subscribe to. */
public record ReportChoice(String key, String titleKey, ReportCadence cadence) {
}
