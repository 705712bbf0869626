package io.jichao.report;

import java.time.Instant;
import java.util.List;

/**
 * An energy report: one row per hour, day, month or year of the period, and the total. Every
 * figure is in kWh after CT × PT and carries its missing intervals.
 *
 * @param targetName the group as the archive names it; null for the operator's whole district
 * @param meters     how many meters the report adds up
 */
public record EnergyReport(EnergyQuery query, String targetName, int meters, List<Row> rows, EnergyFigure total) {

    /** One period of the report, [start, end), labelled in Asia/Shanghai. */
    public record Row(Instant start, Instant end, String label, EnergyFigure figure) {
    }
}
