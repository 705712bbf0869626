package io.jichao.archive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.data.provider.SortDirection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.archive.MeterState;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructureService;
import io.jichao.testing.KaribuTest;

class MeterGridExportTest extends KaribuTest {

    @Autowired
    private MeterService meters;

    @Autowired
    private SiteStructureService structure;

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    private static byte[] download(String id) {
        return DownloadKt._download(_get(Anchor.class, spec -> spec.withId(id)));
    }

    private List<String> addresses(MeterFilter filter, MeterSort sort) {
        List<String> addresses = new ArrayList<>();
        meters.forEachRow(filter, List.of(sort), row -> addresses.add(row.address()));
        return addresses;
    }

    @Test
    void csv_export_holds_exactly_the_filtered_rows_in_grid_order() throws IOException {
        login("super");
        MeterFilter filter = MeterFilter.none().withState(MeterState.ACTIVE).withProtocol(MeterProtocol.DLT645_1997);
        List<String> expected = addresses(filter, new MeterSort(MeterSort.Column.ADDRESS, false));
        navigateTo("meters");
        _setValue(combo(MeterGridView.FILTER_PROTOCOL_ID), MeterProtocol.DLT645_1997);
        @SuppressWarnings("unchecked")
        Grid<MeterRow> grid = _get(Grid.class, spec -> spec.withId(MeterGridView.GRID_ID));
        GridKt._sortByKey(grid, "meter.field.address", SortDirection.DESCENDING);

        byte[] csv = download(MeterGridView.EXPORT_CSV_ID);

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).extracting(record -> record.get("Address")).containsExactlyElementsOf(expected);
        assertThat(records).extracting(record -> record.get("Protocol")).containsOnly("DL/T 645-1997");
        assertThat(expected).isNotEmpty().hasSize(GridKt._size(grid));
    }

    @Test
    void xlsx_export_holds_exactly_the_filtered_rows() throws IOException {
        login("super");
        BuildingView building = ArchiveFixtures.building(structure, "B");
        MeterFilter filter = MeterFilter.none().withState(MeterState.ACTIVE).withBuilding(building.id())
                .withBillingMode(BillingMode.POSTPAID);
        List<String> expected = addresses(filter, MeterSort.byAddress());
        navigateTo("meters");
        _setValue(combo(MeterGridView.FILTER_BUILDING_ID), building);
        _setValue(combo(MeterGridView.FILTER_BILLING_MODE_ID), BillingMode.POSTPAID);

        byte[] xlsx = download(MeterGridView.EXPORT_XLSX_ID);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Address");
            List<String> exported = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                exported.add(sheet.getRow(r).getCell(0).getStringCellValue());
                assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isEqualTo("B");
            }
            assertThat(exported).isNotEmpty().containsExactlyElementsOf(expected);
        }
    }

    @Test
    void recharge_clerk_exports_only_the_district() throws IOException {
        login("clerk");
        navigateTo("meters");

        byte[] csv = download(MeterGridView.EXPORT_CSV_ID);

        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).isNotEmpty().extracting(record -> record.get("Building")).containsOnly("A", "B");
        assertThat(records).hasSize((int) meters.count(MeterFilter.none().withState(MeterState.ACTIVE)));
    }
}
