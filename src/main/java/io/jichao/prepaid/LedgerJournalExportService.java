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

import io.jichao.prepaid.LedgerJournalService.Filter;
import io.jichao.prepaid.LedgerJournalService.JournalEntry;
import io.jichao.prepaid.LedgerJournalService.KindTotal;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * The ledger journal as XLSX (Apache POI: a sheet of entries, a sheet of totals per kind) and PDF
 * (JasperReports with the embedded Chinese font), headers in the operator's language, following
 * {@link SalesExportService}. Both read through {@link LedgerJournalService}, so permission and
 * district are the journal's own. More than {@link #MAX_ROWS} entries are refused: narrow the filter.
 */
@Service
public class LedgerJournalExportService {

    static final int MAX_ROWS = 100_000;
    private static final CompiledTemplate TEMPLATE = new CompiledTemplate("/reports/ledger-journal.jrxml");
    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final String[] COLUMNS = {"ledger.col.time", "ledger.col.kind", "ledger.col.amount",
            "ledger.col.kwh", "ledger.col.household", "ledger.col.building", "ledger.col.office", "ledger.col.order",
            "ledger.col.operator", "ledger.col.memo"};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeConfiguration.DISPLAY_ZONE);

    private final LedgerJournalService journal;

    LedgerJournalExportService(LedgerJournalService journal) {
        this.journal = journal;
    }

    public byte[] xlsx(Filter filter, Locale locale) {
        List<JournalEntry> entries = entries(filter);
        List<KindTotal> totals = journal.totals(filter);
        ResourceBundle labels = labels(locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Sheet sheet = workbook.createSheet(labels.getString("ledger.sheet.entries"));
            sheet.createRow(0).createCell(0).setCellValue(title(filter, labels));
            header(sheet.createRow(1), labels, bold, COLUMNS);
            int next = 2;
            for (JournalEntry entry : entries) {
                Row line = sheet.createRow(next++);
                String[] text = texts(entry, labels);
                for (int i = 0; i < text.length; i++) {
                    if (i == 2 || i == 3) {
                        decimal(line, i, i == 2 ? entry.amount().yuan() : entry.kwh().value(), amount);
                    } else if (i == 7 && entry.orderId() != null) {
                        line.createCell(i).setCellValue(entry.orderId());
                    } else {
                        line.createCell(i).setCellValue(text[i]);
                    }
                }
            }
            sheet.createFreezePane(0, 2);

            Sheet sums = workbook.createSheet(labels.getString("ledger.sheet.totals"));
            header(sums.createRow(0), labels, bold, "ledger.col.kind", "ledger.col.entries", "ledger.col.amount",
                    "ledger.col.kwh");
            int sumRow = 1;
            for (KindTotal total : totals) {
                Row line = sums.createRow(sumRow++);
                line.createCell(0).setCellValue(labels.getString("ledger.kind." + total.kind().name()));
                line.createCell(1).setCellValue(total.entries());
                decimal(line, 2, total.amount().yuan(), amount);
                decimal(line, 3, total.kwh().value(), amount);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public byte[] pdf(Filter filter, Locale locale) {
        List<JournalEntry> entries = entries(filter);
        List<KindTotal> totals = journal.totals(filter);
        ResourceBundle labels = labels(locale);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("title", title(filter, labels));
        for (int i = 0; i < COLUMNS.length; i++) {
            parameters.put("h" + i, labels.getString(COLUMNS[i]));
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (JournalEntry entry : entries) {
            rows.add(pdfRow(texts(entry, labels)));
        }
        for (KindTotal total : totals) {
            rows.add(pdfRow(new String[] {labels.getString("ledger.total"),
                    labels.getString("ledger.kind." + total.kind().name()), total.amount().toString(),
                    total.kwh().toString(), "", "", "", String.valueOf(total.entries()), "", ""}));
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
            throw new IllegalStateException("The ledger journal could not be rendered", failure);
        }
    }

    /** The file name without extension, e.g. {@code ledger-2027-03-01-2027-03-31}. */
    public static String fileName(Filter filter) {
        return "ledger-" + filter.from() + "-" + filter.to();
    }

    private List<JournalEntry> entries(Filter filter) {
        if (journal.count(filter) > MAX_ROWS) {
            throw new DomainException("error.journal.too.many", String.valueOf(MAX_ROWS));
        }
        return journal.page(filter, 0, MAX_ROWS);
    }

    static String title(Filter filter, ResourceBundle labels) {
        return labels.getString("ledger.title.period").replace("{0}", filter.from().toString())
                .replace("{1}", filter.to().toString());
    }

    private static String[] texts(JournalEntry entry, ResourceBundle labels) {
        String household = entry.room() + " " + entry.householdName();
        return new String[] {TIME.format(entry.occurredAt()), labels.getString("ledger.kind." + entry.kind().name()),
                entry.amount().toString(), entry.kwh().toString(), household, entry.building(),
                entry.office() == null ? labels.getString("sales.office.none") : entry.office(),
                entry.orderId() == null ? "" : String.valueOf(entry.orderId()), entry.operatorName(),
                entry.memo() == null ? "" : entry.memo()};
    }

    private static void header(Row row, ResourceBundle labels, CellStyle bold, String... keys) {
        for (int i = 0; i < keys.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(labels.getString(keys[i]));
            cell.setCellStyle(bold);
        }
    }

    /** Money and energy as two-decimal numbers, as in {@link SalesExportService}. */
    private static void decimal(Row line, int column, BigDecimal value, CellStyle amount) {
        Cell cell = line.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(amount);
    }

    private static Map<String, ?> pdfRow(String[] cells) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            row.put("c" + i, cells[i] == null ? "" : cells[i]);
        }
        return row;
    }

    private static ResourceBundle labels(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
