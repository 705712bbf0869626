package io.jichao.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * Renders a {@link ReportTable} as XLSX (Apache POI: numbers as numeric cells with two decimals,
 * so finance can add them up; missing values as empty cells) and as printable PDF
 * ({@code reports/report-table.jrxml}: A4 landscape, Noto Sans SC, up to nine columns).
 */
final class ReportRenderer {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF_TYPE = "application/pdf";
    private static final String MISSING = "—";
    private static volatile JasperReport template;

    private ReportRenderer() {
    }

    static byte[] xlsx(ReportTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Sheet sheet = workbook.createSheet("report");
            int next = 0;
            sheet.createRow(next++).createCell(0).setCellValue(table.title());
            for (String note : table.notes()) {
                sheet.createRow(next++).createCell(0).setCellValue(note);
            }
            Row header = sheet.createRow(next++);
            for (int i = 0; i < table.headers().size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(table.headers().get(i));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, next);
            for (List<Object> values : table.rows()) {
                Row line = sheet.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = line.createCell(i);
                    switch (value) {
                        // A sheet number is a double; every figure here has two decimals and far fewer
                        // than 15 digits, so it shows exactly. All arithmetic happened on BigDecimal.
                        case BigDecimal number -> {
                            cell.setCellValue(number.doubleValue());
                            cell.setCellStyle(decimal);
                        }
                        case Integer number -> cell.setCellValue(number);
                        default -> cell.setCellValue(value.toString());
                    }
                }
            }
            for (int i = 0; i < table.headers().size(); i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static byte[] pdf(ReportTable table) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("title", table.title());
        parameters.put("notes", String.join("\n", table.notes()));
        for (int i = 0; i < ReportTable.MAX_COLUMNS; i++) {
            parameters.put("h" + i, i < table.headers().size() ? table.headers().get(i) : "");
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (List<Object> values : table.rows()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < ReportTable.MAX_COLUMNS; i++) {
                row.put("c" + i, i < table.headers().size() ? text(i < values.size() ? values.get(i) : null) : "");
            }
            rows.add(row);
        }
        try {
            JasperPrint print = JasperFillManager.fillReport(template(), parameters, new JRMapCollectionDataSource(rows));
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
            exporter.exportReport();
            return pdf.toByteArray();
        } catch (JRException failure) {
            throw new IllegalStateException("The report could not be rendered", failure);
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> MISSING;
            case BigDecimal number -> number.toPlainString();
            default -> value.toString();
        };
    }

    /** Compiled once and kept: compiling takes a second or more. */
    private static JasperReport template() throws JRException {
        JasperReport compiled = template;
        if (compiled == null) {
            synchronized (ReportRenderer.class) {
                compiled = template;
                if (compiled == null) {
                    try (InputStream jrxml = ReportRenderer.class.getResourceAsStream("/reports/report-table.jrxml")) {
                        compiled = JasperCompileManager.compileReport(jrxml);
                    } catch (IOException unreadable) {
                        throw new JRException(unreadable);
                    }
                    template = compiled;
                }
            }
        }
        return compiled;
    }
}
