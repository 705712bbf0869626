package io.jichao.archive;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes meter rows to CSV or XLSX as they stream in, so an export of the whole archive never
 * holds it in memory. Knows nothing of Vaadin or the database: the caller supplies the rows
 * and the translated headers and enum labels.
 */
public final class MeterExporter {

    /** The exported columns, in file order. */
    public enum Column {
        ADDRESS, CHANNEL, BUILDING, FLOOR, BOX, ROOM, HOUSEHOLD, PROTOCOL, PHASE, BILLING_MODE, STATE, COLLECTOR, PORT
    }

    /** Where the rows come from, e.g. {@code sink -> meterService.forEachRow(filter, sorts, sink)}. */
    @FunctionalInterface
    public interface RowSource {
        void forEach(Consumer<MeterRow> sink);
    }

    /** Excel needs the byte order mark to read a CSV as UTF-8 rather than the local code page. */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Rows SXSSF keeps in memory before flushing to its temporary file. */
    private static final int XLSX_WINDOW = 200;

    private final Function<Column, String> headers;
    private final Function<Enum<?>, String> labels;

    public MeterExporter(Function<Column, String> headers, Function<Enum<?>, String> labels) {
        this.headers = headers;
        this.labels = labels;
    }

    public void writeCsv(RowSource rows, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(headerTexts()).get().print(writer);
        try {
            rows.forEach(row -> {
                try {
                    printer.printRecord(values(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    public void writeXlsx(RowSource rows, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW);
        try {
            SXSSFSheet sheet = workbook.createSheet("meters");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            SXSSFRow header = sheet.createRow(0);
            String[] texts = headerTexts();
            for (int i = 0; i < texts.length; i++) {
                SXSSFCell cell = header.createCell(i);
                cell.setCellValue(texts[i]);
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            rows.forEach(row -> {
                SXSSFRow line = sheet.createRow(next[0]++);
                List<Object> values = values(row);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value instanceof Integer number) {
                        line.createCell(i).setCellValue(number);
                    } else if (value != null) {
                        // Addresses stay text: as numbers Excel would drop leading zeros.
                        line.createCell(i).setCellValue(value.toString());
                    }
                }
            });
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private String[] headerTexts() {
        return Arrays.stream(Column.values()).map(headers).toArray(String[]::new);
    }

    private List<Object> values(MeterRow row) {
        List<Object> values = new ArrayList<>(Column.values().length);
        for (Column column : Column.values()) {
            values.add(switch (column) {
                case ADDRESS -> row.address();
                case CHANNEL -> row.deviceChannel();
                case BUILDING -> row.buildingCode();
                case FLOOR -> row.floorLevel();
                case BOX -> row.boxCode();
                case ROOM -> row.room();
                case HOUSEHOLD -> row.householdName();
                case PROTOCOL -> label(row.protocol());
                case PHASE -> label(row.phase());
                case BILLING_MODE -> label(row.billingMode());
                case STATE -> label(row.state());
                case COLLECTOR -> row.collectorName();
                case PORT -> row.portNumber();
            });
        }
        return values;
    }

    private String label(Enum<?> value) {
        return value == null ? null : labels.apply(value);
    }
}
