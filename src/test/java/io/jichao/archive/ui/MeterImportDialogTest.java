package io.jichao.archive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jichao.archive.CollectorService;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.archive.MeterField;
import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterImportPreview.Problem;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.archive.MeterState;
import io.jichao.archive.SiteStructureService;
import io.jichao.testing.KaribuTest;

/** Imports run as the maintainer, whose district is buildings C and D. */
class MeterImportDialogTest extends KaribuTest {

    private static final String HEADER = "address,protocol,phase,billing_mode,building,floor,collector,port,room,household\n";

    @Autowired
    private MeterService meters;

    @Autowired
    private SiteStructureService structure;

    @Autowired
    private CollectorService collectors;

    private void openImportAsMaintainer() {
        login("maint");
        navigateTo("meters");
        _click(_get(Button.class, spec -> spec.withId(MeterGridView.IMPORT_ID)));
    }

    private static void upload(String fileName, byte[] content) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId(MeterImportDialog.UPLOAD_ID)), fileName, content);
    }

    @SuppressWarnings("unchecked")
    private static List<Problem> problems() {
        Grid<Problem> grid = _get(Grid.class, spec -> spec.withId(MeterImportDialog.PROBLEMS_ID));
        return GridKt._fetch(grid, 0, GridKt._size(grid));
    }

    private static Button importButton() {
        return _get(Button.class, spec -> spec.withId(MeterImportDialog.IMPORT_ID));
    }

    private static String summary() {
        return _get(Span.class, spec -> spec.withId(MeterImportDialog.SUMMARY_ID)).getText();
    }

    /** A demo DL/T 645-2007 meter of building C that sits on a bus, to collide with (a row that may be PREPAID). */
    private MeterRow meterOnABusInC() {
        long buildingC = ArchiveFixtures.building(structure, "C").id();
        return meters.page(MeterFilter.none().withState(MeterState.ACTIVE).withBuilding(buildingC), 0, 500,
                        List.of(MeterSort.byAddress())).stream()
                .filter(row -> row.portNumber() != null && row.deviceChannel() == null
                        && row.protocol() == MeterProtocol.DLT645_2007)
                .findFirst().orElseThrow();
    }

    /** A DL/T 645-2007 port of the collector of building D. */
    private PortView portInD(CollectorView collector) {
        return collector.ports().stream().filter(p -> p.protocol() == MeterProtocol.DLT645_2007).findFirst()
                .orElseThrow();
    }

    private CollectorView collectorOfD() {
        return collectors.list().stream().filter(c -> c.name().startsWith("D")).findFirst().orElseThrow();
    }

    @Test
    void import_with_bad_rows_saves_nothing_and_names_each_row() {
        openImportAsMaintainer();
        long before = meters.count(MeterFilter.none());
        String good = ArchiveFixtures.freshAddress();
        MeterRow taken = meterOnABusInC();
        String csv = HEADER
                + good + ",DLT645_2007,THREE,PREPAID,C,2,,,,\n"
                + "12345,DLT645_2007,THREE,PREPAID,C,2,,,,\n"
                + ArchiveFixtures.freshAddress() + ",DLT645_2007,THREE,PREPAID,Z,,,,,\n"
                + good + ",DLT645_2007,THREE,PREPAID,C,3,,,,\n"
                + taken.address() + "," + taken.protocol().name() + ",THREE,PREPAID,C,,"
                + taken.collectorName() + "," + taken.portNumber() + ",,\n"
                + ArchiveFixtures.freshAddress() + ",DLT645_2007,THREE,PREPAID,A,,,,,\n";

        upload("meters.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(problems()).extracting(Problem::rowNumber, Problem::field, Problem::messageKey).containsExactly(
                tuple(3, MeterField.ADDRESS, "error.meter.address.format"),
                tuple(4, MeterField.BUILDING, "error.import.building.unknown"),
                tuple(5, MeterField.ADDRESS, "error.import.duplicate"),
                tuple(6, MeterField.ADDRESS, "error.meter.address.taken"),
                tuple(7, MeterField.BUILDING, "error.import.building.unknown"));
        assertThat(summary()).isEqualTo("1 row OK, 5 errors");
        assertThat(importButton().isEnabled()).isFalse();
        assertThat(meters.count(MeterFilter.none())).isEqualTo(before);
    }

    @Test
    void a_clean_csv_with_chinese_headers_and_labels_imports_every_row() {
        openImportAsMaintainer();
        long before = meters.count(MeterFilter.none());
        CollectorView collector = collectorOfD();
        PortView port = portInD(collector);
        String first = ArchiveFixtures.freshAddress();
        String csv = "\uFEFF表地址,通道,协议,相位,计费方式,楼宇,楼层,配电箱,采集器,端口,CT变比,最大功率（kW）,"
                + "一级报警（kWh）,二级报警（kWh）,房间,户名,电话\n"
                + first + ",,DL/T 645-2007,三相,预付费,C,3,C3-1,,,1,30,50,20,C390,导入户一,13900000091\n"
                + ArchiveFixtures.freshAddress() + ",,DL/T 645-2007,单相,后付费,D,,," + collector.name() + ","
                + port.portNumber() + ",,,,,,,\n"
                + ArchiveFixtures.freshAddress() + ",2,DL/T 645-2007,三相,预付费,D,1,,,,40,,,,D190,导入户二,\n";

        upload("电表.csv", csv.getBytes(StandardCharsets.UTF_8));

        _assertNone(Grid.class, spec -> spec.withId(MeterImportDialog.PROBLEMS_ID));
        assertThat(summary()).isEqualTo("3 rows OK, no errors");
        _click(importButton());
        _assertNone(MeterImportDialog.class);
        assertThat(meters.count(MeterFilter.none())).isEqualTo(before + 3);
        assertThat(meters.page(MeterFilter.none().withText(first), 0, 10, List.of())).singleElement()
                .satisfies(row -> {
                    assertThat(row.boxCode()).isEqualTo("C3-1");
                    assertThat(row.householdName()).isEqualTo("导入户一");
                });
    }

    @Test
    void an_xlsx_file_with_numeric_address_cells_imports() throws IOException {
        openImportAsMaintainer();
        long before = meters.count(MeterFilter.none());
        String[] addresses = {ArchiveFixtures.freshAddress(), ArchiveFixtures.freshAddress()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("电表");
            String[] header = {"address", "protocol", "phase", "billing_mode", "building", "floor"};
            Row headerRow = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                headerRow.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < addresses.length; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(Double.parseDouble(addresses[r]));
                row.createCell(1).setCellValue("DLT645_2007");
                row.createCell(2).setCellValue("THREE");
                row.createCell(3).setCellValue("POSTPAID");
                row.createCell(4).setCellValue("D");
                row.createCell(5).setCellValue(2);
            }
            workbook.write(out);
        }

        upload("meters.xlsx", out.toByteArray());

        assertThat(summary()).isEqualTo("2 rows OK, no errors");
        _click(importButton());
        assertThat(meters.count(MeterFilter.none())).isEqualTo(before + 2);
        assertThat(meters.page(MeterFilter.none().withText(addresses[1]), 0, 10, List.of())).singleElement()
                .extracting(MeterRow::floorLevel).isEqualTo(2);
    }

    @Test
    void import_refuses_a_prepaid_dlt645_1997_meter_naming_it_and_saves_nothing() {
        openImportAsMaintainer();
        long before = meters.count(MeterFilter.none());
        String old = ArchiveFixtures.freshAddress();
        String csv = HEADER
                + ArchiveFixtures.freshAddress() + ",DLT645_1997,THREE,POSTPAID,C,2,,,,\n"
                + old + ",DLT645_1997,THREE,PREPAID,C,2,,,,\n";

        upload("meters.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.rowNumber()).isEqualTo(3);
            assertThat(problem.field()).isEqualTo(MeterField.BILLING_MODE);
            assertThat(problem.messageKey()).isEqualTo("error.meter.prepaid.no.credit");
            assertThat(problem.arguments()).containsExactly(old, "DL/T 645-1997");
        });
        assertThat(importButton().isEnabled()).isFalse();
        assertThat(meters.count(MeterFilter.none())).isEqualTo(before);
    }

    @Test
    void a_file_that_is_not_a_spreadsheet_is_refused_as_a_whole() {
        openImportAsMaintainer();

        upload("meters.csv", "just some text\nwithout the columns".getBytes(StandardCharsets.UTF_8));

        assertThat(problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.rowNumber()).isEqualTo(1));
        assertThat(importButton().isEnabled()).isFalse();
    }
}
