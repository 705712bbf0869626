package io.jichao.prepaid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

import io.jichao.prepaid.SalesReportService.Figures;
import io.jichao.prepaid.SalesReportService.Period;
import io.jichao.prepaid.SalesReportService.SalesReport;
import io.jichao.prepaid.SalesReportService.SalesRow;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

/**
 * The sales report as XLSX (Apache POI: the rows with a totals line, and a sheet of days) and PDF
 * (JasperReports with the embedded Chinese font), headers in the operator's language. Both go
 * through {@link SalesReportService#report}, so permission and district are the report's own.
 */
@Service
public class SalesExportService {

    private static final CompiledTemplate TEMPLATE = new CompiledTemplate("/reports/sales-report.jrxml");
    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final String[] COLUMNS = {"sales.col.office", "sales.col.clerk", "sales.col.method",
            "sales.col.recharges", "sales.col.gross", "sales.col.gross.kwh", "sales.col.reversals",
            "sales.col.reversed", "sales.col.net", "sales.col.net.kwh"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final SalesReportService sales;

    SalesExportService(SalesReportService sales) {
        this.sales = sales;
    }

    public byte[] xlsx(Period period, Locale locale) {
        SalesReport report = sales.report(period);
        ResourceBundle labels = labels(locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Sheet sheet = workbook.createSheet(labels.getString("sales.sheet.rows"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(title(report.period(), labels));
            Row header = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(labels.getString(COLUMNS[i]));
                header.getCell(i).setCellStyle(bold);
            }
            int next = 2;
            for (SalesRow row : report.rows()) {
                Row line = sheet.createRow(next++);
                line.createCell(0).setCellValue(office(row, labels));
                line.createCell(1).setCellValue(row.clerkName());
                line.createCell(2).setCellValue(labels.getString("recharge.method." + row.method().name()));
                figures(line, 3, row.figures(), amount);
            }
            Row total = sheet.createRow(next);
            total.createCell(0).setCellValue(labels.getString("sales.total"));
            total.getCell(0).setCellStyle(bold);
            figures(total, 3, report.totals(), amount);
            sheet.createFreezePane(0, 2);

            Sheet days = workbook.createSheet(labels.getString("sales.sheet.days"));
            Row dayHeader = days.createRow(0);
            dayHeader.createCell(0).setCellValue(labels.getString("sales.col.day"));
            for (int i = 3; i < COLUMNS.length; i++) {
                dayHeader.createCell(i - 2).setCellValue(labels.getString(COLUMNS[i]));
            }
            int dayRow = 1;
            for (SalesReportService.DailySales day : report.days()) {
                Row line = days.createRow(dayRow++);
                line.createCell(0).setCellValue(DAY.format(day.day()));
                figures(line, 1, day.figures(), amount);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public byte[] pdf(Period period, Locale locale) {
        SalesReport report = sales.report(period);
        ResourceBundle labels = labels(locale);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("title", title(report.period(), labels));
        for (int i = 0; i < COLUMNS.length; i++) {
            parameters.put("h" + i, labels.getString(COLUMNS[i]));
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (SalesRow row : report.rows()) {
            rows.add(pdfRow(office(row, labels), row.clerkName(),
                    labels.getString("recharge.method." + row.method().name()), row.figures()));
        }
        rows.add(pdfRow(labels.getString("sales.total"), "", "", report.totals()));
        if (report.days().size() > 1) {
            for (SalesReportService.DailySales day : report.days()) {
                rows.add(pdfRow(DAY.format(day.day()), "", "", day.figures()));
            }
        }
        try {
            JasperPrint print = JasperFillManager.fillReport(TEMPLATE.get(), parameters, new JRMapCollectionDataSource(rows));
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
            exporter.exportReport();
            return pdf.toByteArray();
        } catch (JRException failure) {
            throw new IllegalStateException("The sales report could not be rendered", failure);
        }
    }

    /** The file name without extension, e.g. {@code sales-2027-03-15}. */
    public static String fileName(Period period) {
        return "sales-" + switch (period) {
            case Period.Day day -> DAY.format(day.day());
            case Period.Month month -> MONTH.format(month.month());
        };
    }

    static String title(Period period, ResourceBundle labels) {
        return switch (period) {
            case Period.Day day -> labels.getString("sales.title.day").replace("{0}", DAY.format(day.day()));
            case Period.Month month -> labels.getString("sales.title.month").replace("{0}", MONTH.format(month.month()));
        };
    }

    private static String office(SalesRow row, ResourceBundle labels) {
        return row.office() == null ? labels.getString("sales.office.none") : row.office();
    }

    /**
     * Money and energy as numbers with two decimals, so finance can add them up in the sheet. A
     * spreadsheet number is a double, but every figure here has two decimals and far fewer than 15
     * digits, so it shows exactly; all arithmetic happened before, on BigDecimal.
     */
    private static void figures(Row line, int first, Figures figures, CellStyle amount) {
        line.createCell(first).setCellValue(figures.recharges());
        decimal(line, first + 1, figures.gross().yuan(), amount);
        decimal(line, first + 2, figures.grossKwh().value(), amount);
        line.createCell(first + 3).setCellValue(figures.reversals());
        decimal(line, first + 4, figures.reversed().yuan(), amount);
        decimal(line, first + 5, figures.net().yuan(), amount);
        decimal(line, first + 6, figures.netKwh().value(), amount);
    }

    private static void decimal(Row line, int column, BigDecimal value, CellStyle amount) {
        Cell cell = line.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(amount);
    }

    private static Map<String, ?> pdfRow(String office, String clerk, String method, Figures figures) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("c0", office);
        row.put("c1", clerk);
        row.put("c2", method);
        row.put("c3", String.valueOf(figures.recharges()));
        row.put("c4", figures.gross().toString());
        row.put("c5", figures.grossKwh().toString());
        row.put("c6", String.valueOf(figures.reversals()));
        row.put("c7", figures.reversed().toString());
        row.put("c8", figures.net().toString());
        row.put("c9", figures.netKwh().toString());
        return row;
    }

    private static ResourceBundle labels(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
