package io.jichao.report;

import java.util.List;

/**
 * A report as a titled table, the one shape both exports render: cells are text, numbers
 * ({@code BigDecimal}, {@code Integer}) or null for a value that is missing (left empty, never 0).
 */
record ReportTable(String title, List<String> notes, List<String> headers, List<List<Object>> rows) {

    static final int MAX_COLUMNS = 9;

    ReportTable {
        if (headers.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("at most " + MAX_COLUMNS + " columns");
        }
        notes = List.copyOf(notes);
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
