package io.jichao.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.jichao.archive.MeterImportPreview.Problem;
import io.jichao.archive.MeterSpreadsheet.Content;

class MeterSpreadsheetTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_a_utf8_csv_with_byte_order_mark_and_chinese_headers() {
        Content content = MeterSpreadsheet.read(utf8("\uFEFF表地址,协议,相位,计费方式,楼宇,户名\n"
                + "370101010001,DL/T 645-2007,三相,预付费,A,王伟\n"), 10);

        assertThat(content.problems()).isEmpty();
        assertThat(content.rows()).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(2);
            assertThat(row.get(MeterField.ADDRESS)).isEqualTo("370101010001");
            assertThat(row.get(MeterField.HOUSEHOLD)).isEqualTo("王伟");
            assertThat(row.get(MeterField.ROOM)).isEmpty();
        });
    }

    @Test
    void reads_csv_that_excel_saved_in_the_chinese_code_page() {
        byte[] gb = "address,protocol,phase,billing_mode,building,household\n370101010001,DLT645_2007,THREE,PREPAID,A,王伟\n"
                .getBytes(Charset.forName("GB18030"));

        Content content = MeterSpreadsheet.read(gb, 10);

        assertThat(content.rows()).singleElement().satisfies(row ->
                assertThat(row.get(MeterField.HOUSEHOLD)).isEqualTo("王伟"));
    }

    @Test
    void row_numbers_count_blank_lines_as_excel_does() {
        Content content = MeterSpreadsheet.read(utf8("address,protocol,phase,billing_mode,building\n"
                + "370101010001,DLT645_2007,THREE,PREPAID,A\n\n,,,,\n370101010002,DLT645_2007,THREE,PREPAID,A\n"), 10);

        assertThat(content.rows()).extracting(MeterSpreadsheet.RawRow::rowNumber).containsExactly(2, 5);
    }

    @Test
    void headers_match_ignoring_case_spaces_and_units() {
        assertThat(MeterField.fromHeader(" Billing Mode ")).contains(MeterField.BILLING_MODE);
        assertThat(MeterField.fromHeader("最大功率（kW）")).contains(MeterField.MAX_POWER_KW);
        assertThat(MeterField.fromHeader("alarm1_kwh")).contains(MeterField.ALARM1_KWH);
        assertThat(MeterField.fromHeader("颜色")).isEmpty();
    }

    @Test
    void unknown_and_missing_columns_are_reported_against_the_header_row() {
        Content content = MeterSpreadsheet.read(utf8("address,colour,phase\n370101010001,red,THREE\n"), 10);

        assertThat(content.rows()).isEmpty();
        assertThat(content.problems()).extracting(Problem::rowNumber).containsOnly(1);
        assertThat(content.problems()).extracting(Problem::messageKey)
                .contains("error.import.column.unknown", "error.import.column.missing");
        assertThat(content.problems()).filteredOn(p -> p.messageKey().equals("error.import.column.missing"))
                .extracting(Problem::field)
                .containsExactlyInAnyOrder(MeterField.PROTOCOL, MeterField.BILLING_MODE, MeterField.BUILDING);
    }

    @Test
    void a_file_with_more_rows_than_allowed_is_refused_as_a_whole() {
        StringBuilder csv = new StringBuilder("address,protocol,phase,billing_mode,building\n");
        for (int i = 0; i < 4; i++) {
            csv.append("37010101000").append(i).append(",DLT645_2007,THREE,PREPAID,A\n");
        }

        Content content = MeterSpreadsheet.read(utf8(csv.toString()), 3);

        assertThat(content.rows()).isEmpty();
        assertThat(content.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.rowNumber()).isEqualTo(MeterImportPreview.WHOLE_FILE);
            assertThat(problem.messageKey()).isEqualTo("error.import.rows.too.many");
        });
    }

    @Test
    void damaged_xlsx_is_reported_as_unreadable() {
        byte[] notReallyXlsx = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3};

        Content content = MeterSpreadsheet.read(notReallyXlsx, 10);

        assertThat(content.problems()).extracting(Problem::messageKey).containsExactly("error.import.file.unreadable");
    }

    @Test
    void reads_xlsx_keeping_twelve_digit_numeric_addresses_whole() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            String[] names = {"表地址", "协议", "相位", "计费方式", "楼宇", "楼层", "CT变比"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(370101010001d);
            row.createCell(1).setCellValue("DLT645_2007");
            row.createCell(2).setCellValue("三相");
            row.createCell(3).setCellValue("后付费");
            row.createCell(4).setCellValue("A");
            row.createCell(5).setCellValue(3d);
            row.createCell(6).setCellValue(40d);
            workbook.write(out);
        }

        Content content = MeterSpreadsheet.read(out.toByteArray(), 10);

        assertThat(content.problems()).isEmpty();
        assertThat(content.rows()).singleElement().satisfies(row -> {
            assertThat(row.get(MeterField.ADDRESS)).isEqualTo("370101010001");
            assertThat(row.get(MeterField.FLOOR)).isEqualTo("3");
            assertThat(row.get(MeterField.CT_RATIO)).isEqualTo("40");
        });
    }
}
