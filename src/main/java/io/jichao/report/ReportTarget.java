package io.jichao.report;

/** A meter, household, box, floor or building an energy report can be about. */
public record ReportTarget(long id, String name) {
}
