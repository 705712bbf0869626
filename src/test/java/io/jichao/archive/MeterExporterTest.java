package io.jichao.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class MeterExporterTest {

    private static final List<MeterRow> ROWS = List.of(
            new MeterRow(1, "000000000001", null, MeterProtocol.MODBUS_RTU, Phase.SINGLE, BillingMode.POSTPAID,
                    MeterState.ACTIVE, "A", "A座", 1, "A1-1", null, null, "A座采集器", 7),
            new MeterRow(2, "370101019900", 3, MeterProtocol.DLT645_2007, Phase.THREE, BillingMode.PREPAID,
                    MeterState.REMOVED, "A", "A座", 1, "A1-2", "A153", "华信科技, 一部", null, null));

    /** Headers and labels as a caller would translate them; here simply the names in brackets. */
    private final MeterExporter exporter = new MeterExporter(column -> "[" + column.name() + "]",
            value -> "<" + value.name() + ">");

    @Test
    void csv_starts_with_a_byte_order_mark_and_holds_every_row() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exporter.writeCsv(ROWS::forEach, out);

        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get(0)).isEqualTo("[ADDRESS]");
        assertThat(records.get(1).toList()).containsExactly("000000000001", "", "A", "1", "A1-1", "", "",
                "<MODBUS_RTU>", "<SINGLE>", "<POSTPAID>", "<ACTIVE>", "A座采集器", "7");
        assertThat(records.get(2).get(1)).isEqualTo("3");
        assertThat(records.get(2).get(6)).as("a comma inside a value survives").isEqualTo("华信科技, 一部");
    }

    @Test
    void xlsx_keeps_addresses_as_text_and_numbers_as_numbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exporter.writeXlsx(ROWS::forEach, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("[ADDRESS]");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("000000000001");
            assertThat(sheet.getRow(1).getCell(12).getNumericCellValue()).isEqualTo(7d);
            assertThat(formatter.formatCellValue(sheet.getRow(2).getCell(10))).isEqualTo("<REMOVED>");
        }
    }

    @Test
    void an_empty_result_still_has_the_header() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exporter.writeCsv(sink -> { }, out);

        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
    }
}
