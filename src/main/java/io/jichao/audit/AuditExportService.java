package io.jichao.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.shared.TimeConfiguration;

/**
 * The audit rows of a filter as XLSX, the same rows {@link AuditLog#page} gives the reader (role
 * checked there), newest first, at most {@link AuditLog#MAX_EXPORT_ROWS}; headers from the i18n
 * bundle of the operator's language, times in Asia/Shanghai. Streams in pages (POI's SXSSF keeps
 * only a window of rows in memory), since the trail can be large.
 */
@Service
public class AuditExportService {

    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final String[] COLUMNS = {"audit.col.time", "audit.col.operator", "audit.col.action",
            "audit.col.target", "audit.col.outcome", "audit.col.details"};
    private static final int PAGE = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final AuditLog log;

    AuditExportService(AuditLog log) {
        this.log = log;
    }

    @Transactional(readOnly = true)
    public byte[] xlsx(AuditFilter filter, Locale locale) {
        ResourceBundle labels = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(PAGE); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = workbook.createSheet(labels.getString("audit.sheet"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(labels.getString(COLUMNS[i]));
                header.getCell(i).setCellStyle(bold);
            }
            int written = 0;
            List<AuditEvent> page;
            do {
                page = log.page(filter, written, Math.min(PAGE, AuditLog.MAX_EXPORT_ROWS - written));
                for (AuditEvent event : page) {
                    Row line = sheet.createRow(++written);
                    line.createCell(0).setCellValue(TIME.format(event.getOccurredAt()));
                    line.createCell(1).setCellValue(event.getOperatorUsername());
                    line.createCell(2).setCellValue(event.getAction());
                    line.createCell(3).setCellValue(text(event.getTarget()));
                    line.createCell(4).setCellValue(labels.getString("audit.outcome." + event.getOutcome().name()));
                    line.createCell(5).setCellValue(text(event.getDetails()));
                }
            } while (page.size() == PAGE && written < AuditLog.MAX_EXPORT_ROWS);
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** {@code audit-20260101-1200.xlsx}, the time of the export in Asia/Shanghai. */
    public static String fileName(Instant now) {
        return "audit-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(TimeConfiguration.DISPLAY_ZONE)
                .format(now) + ".xlsx";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
