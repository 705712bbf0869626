package io.jichao.archive;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What an import file would do, shown before anything is saved: the rows that are ready and
 * every problem with its row number (as the spreadsheet counts them, header = row 1), column
 * and an i18n message. Importable only when there are rows and not a single problem.
 */
public record MeterImportPreview(int dataRows, List<Row> rows, List<Problem> problems) {

    /** The row number used for problems with the file as a whole (size, encoding, headers). */
    public static final int WHOLE_FILE = 0;

    public MeterImportPreview {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** A row that passed every check, as the draft the service will save. */
    public record Row(int rowNumber, MeterDraft draft) {
    }

    /** One problem: field is null when it concerns the whole row or file. */
    public record Problem(int rowNumber, MeterField field, String messageKey, List<Object> arguments) {

        public Problem {
            arguments = Collections.unmodifiableList(Arrays.asList(arguments.toArray()));
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    /** A preview that refuses the file as a whole, e.g. because it is too large. */
    public static MeterImportPreview ofFileProblem(String messageKey, Object... arguments) {
        return new MeterImportPreview(0, List.of(),
                List.of(new Problem(WHOLE_FILE, null, messageKey, Arrays.asList(arguments))));
    }

    public boolean importable() {
        return !rows.isEmpty() && problems.isEmpty();
    }

    public List<MeterDraft> drafts() {
        return rows.stream().map(Row::draft).toList();
    }
}
