package io.jichao.alarm;

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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

import io.jichao.shared.TimeConfiguration;

/**
 * The alarm list as XLSX, the same rows {@link AlarmService#list} gives the operator (district
 * and permission checked there), headers and names from the i18n bundle of the operator's
 * language, times in Asia/Shanghai.
 */
@Service
public class AlarmExportService {

    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final String[] COLUMNS = {"alarms.col.severity", "alarms.col.kind", "alarms.col.state",
            "alarms.col.subject", "alarms.col.building", "alarms.col.detail", "alarms.col.raised",
            "alarms.col.last.seen", "alarms.col.occurrences", "alarms.col.acknowledged.by",
            "alarms.col.acknowledged.at", "alarms.col.cleared"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final AlarmService alarms;

    AlarmExportService(AlarmService alarms) {
        this.alarms = alarms;
    }

    public byte[] xlsx(AlarmFilter filter, Locale locale) {
        List<AlarmRow> rows = alarms.list(filter);
        ResourceBundle labels = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = workbook.createSheet(labels.getString("alarms.sheet"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(labels.getString(COLUMNS[i]));
                header.getCell(i).setCellStyle(bold);
            }
            int next = 1;
            for (AlarmRow alarm : rows) {
                Row line = sheet.createRow(next++);
                line.createCell(0).setCellValue(labels.getString("alarm.severity." + alarm.severity().name()));
                line.createCell(1).setCellValue(labels.getString("alarm.kind." + alarm.kind().name()));
                line.createCell(2).setCellValue(labels.getString("alarm.state." + alarm.state().name()));
                line.createCell(3).setCellValue(alarm.subject());
                line.createCell(4).setCellValue(text(alarm.buildingName()));
                line.createCell(5).setCellValue(text(alarm.detail()));
                line.createCell(6).setCellValue(time(alarm.raisedAt()));
                line.createCell(7).setCellValue(time(alarm.lastSeenAt()));
                line.createCell(8).setCellValue(alarm.occurrences());
                line.createCell(9).setCellValue(text(alarm.acknowledgedBy()));
                line.createCell(10).setCellValue(time(alarm.acknowledgedAt()));
                line.createCell(11).setCellValue(time(alarm.clearedAt()));
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** {@code alarms-20260101-1200.xlsx}, the time of the export in Asia/Shanghai. */
    public static String fileName(Instant now) {
        return "alarms-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(TimeConfiguration.DISPLAY_ZONE)
                .format(now) + ".xlsx";
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
