package io.jichao.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.jichao.archive.MeterImportPreview.Problem;

/**
 * Reads a meter import file, CSV or XLSX, into rows of raw text keyed by {@link MeterField}.
 * Knows file formats and headers, nothing about what the values mean. The first row is the
 * header; row numbers are those a person sees in Excel (header = 1).
 */
final class MeterSpreadsheet {

    /** A data row: the text of each column the file has, blank cells as empty strings. */
    record RawRow(int rowNumber, Map<MeterField, String> values) {

        String get(MeterField field) {
            return values.getOrDefault(field, "");
        }
    }

    record Content(List<RawRow> rows, List<Problem> problems) {
    }

    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final char BOM = '\uFEFF';
    /** What Chinese Excel writes when one picks plain "CSV" instead of "CSV UTF-8". */
    private static final Charset EXCEL_CHINESE = Charset.forName("GB18030");

    private MeterSpreadsheet() {
    }

    static Content read(byte[] bytes, int maxRows) {
        try {
            List<List<String>> lines = isXlsx(bytes) ? xlsxLines(bytes, maxRows) : csvLines(bytes, maxRows);
            return toRows(lines, maxRows);
        } catch (IOException | RuntimeException e) {
            // POI and commons-csv throw a variety of runtime exceptions for damaged files.
            return new Content(List.of(), List.of(fileProblem("error.import.file.unreadable")));
        }
    }

    private static boolean isXlsx(byte[] bytes) {
        if (bytes.length < ZIP_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ZIP_MAGIC.length; i++) {
            if (bytes[i] != ZIP_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<List<String>> csvLines(byte[] bytes, int maxRows) throws IOException {
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        // Empty lines are kept (and skipped later) so row numbers match what Excel shows.
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
        List<List<String>> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int filled = 0;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                lines.add(cells);
                // Header plus one row too many is enough to refuse the file; no need to read on.
                if (!blank(cells) && ++filled > maxRows + 1) {
                    break;
                }
            }
        }
        return lines;
    }

    /** UTF-8 as asked for; a file that is not valid UTF-8 is read as Excel's Chinese CSV. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, EXCEL_CHINESE);
        }
    }

    private static List<List<String>> xlsxLines(byte[] bytes, int maxRows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            DataFormatter formatter = new DataFormatter();
            List<List<String>> lines = new ArrayList<>();
            int filled = 0;
            for (int index = 0; index <= sheet.getLastRowNum() && filled <= maxRows + 1; index++) {
                Row row = sheet.getRow(index);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int column = 0; column < Math.max(row.getLastCellNum(), 0); column++) {
                        cells.add(text(row.getCell(column), formatter, evaluator));
                    }
                }
                lines.add(cells);
                filled += blank(cells) ? 0 : 1;
            }
            return lines;
        }
    }

    private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? evaluator.evaluateFormulaCell(cell) : cell.getCellType();
        if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)
                && !cell.getCellStyle().getDataFormatString().matches("0{2,}")) {
            // Excel's "General" shows 12-digit addresses as 3.70101E+11; the plain number is meant.
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell, evaluator).strip();
    }

    private static Content toRows(List<List<String>> lines, int maxRows) {
        if (lines.isEmpty() || blank(lines.getFirst())) {
            return new Content(List.of(), List.of(fileProblem("error.import.header.missing")));
        }
        List<Problem> problems = new ArrayList<>();
        List<MeterField> columns = headerColumns(lines.getFirst(), problems);
        if (!problems.isEmpty()) {
            return new Content(List.of(), problems);
        }
        List<RawRow> rows = new ArrayList<>();
        for (int index = 1; index < lines.size(); index++) {
            List<String> cells = lines.get(index);
            if (blank(cells)) {
                continue;
            }
            if (rows.size() == maxRows) {
                return new Content(List.of(), List.of(fileProblem("error.import.rows.too.many", maxRows)));
            }
            Map<MeterField, String> values = new EnumMap<>(MeterField.class);
            for (int column = 0; column < columns.size() && column < cells.size(); column++) {
                if (columns.get(column) != null) {
                    values.put(columns.get(column), cells.get(column).strip());
                }
            }
            rows.add(new RawRow(index + 1, Collections.unmodifiableMap(values)));
        }
        return new Content(rows, List.of());
    }

    /** The field of each header cell (null for a blank header); unknown or repeated headers are problems. */
    private static List<MeterField> headerColumns(List<String> header, List<Problem> problems) {
        List<MeterField> columns = new ArrayList<>();
        for (String name : header) {
            if (name.isBlank()) {
                columns.add(null);
                continue;
            }
            Optional<MeterField> field = MeterField.fromHeader(name);
            if (field.isEmpty()) {
                problems.add(new Problem(1, null, "error.import.column.unknown", List.of(name)));
            } else if (columns.contains(field.get())) {
                problems.add(new Problem(1, field.get(), "error.import.column.repeated", List.of(name)));
            }
            columns.add(field.orElse(null));
        }
        for (MeterField field : MeterField.values()) {
            if (field.required() && !columns.contains(field)) {
                problems.add(new Problem(1, field, "error.import.column.missing", List.of(field.key())));
            }
        }
        return columns;
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private static Problem fileProblem(String messageKey, Object... arguments) {
        return new Problem(MeterImportPreview.WHOLE_FILE, null, messageKey, List.of(arguments));
    }
}
