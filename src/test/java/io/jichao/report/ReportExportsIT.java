package io.jichao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.shared.ui.Languages;
import io.jichao.shared.report.ReportCadence;
import io.jichao.shared.report.ReportFile;
import io.jichao.shared.report.SubscribableReport;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

@JichaoSpringTest
class ReportExportsIT {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    private ReportExports exports;
    @Autowired
    private List<SubscribableReport> subscribable;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private ReportFixtures fixtures;
    private long meter;
    private final LocalDate d0 = LocalDate.of(2025, 11, 3);

    @BeforeEach
    void meterWithTwoDays() {
        fixtures = new ReportFixtures(meters, structure, users, jdbc);
        meter = fixtures.meter("王小明", 1, false);
        fixtures.closing(meter, d0, "10.00");
        fixtures.closing(meter, d0.plusDays(1), "22.50");
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void the_energy_pdf_shows_chinese_names_missing_days_and_renders_a_page() throws IOException {
        LoginSupport.loginAs(users, "finance");
        ReportFile file = exports.energy(new EnergyQuery(ReportLevel.METER, meter, Granularity.DAY, d0.plusDays(1),
                d0.plusDays(2)), ExportFormat.PDF, CHINESE);

        assertThat(file.contentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(file.content())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("能耗报表", "王小明", fixtures.address(meter), "12.50", "缺失", "不完整");
            Path png = Path.of("target", "report-energy-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 110), "png", png.toFile());
            assertThat(Files.size(png)).isPositive();
        }
    }

    @Test
    void the_energy_xlsx_has_numeric_kwh_and_an_empty_cell_for_the_missing_day() throws IOException {
        LoginSupport.loginAs(users, "finance");
        ReportFile file = exports.energy(new EnergyQuery(ReportLevel.METER, meter, Granularity.DAY, d0.plusDays(1),
                d0.plusDays(2)), ExportFormat.XLSX, Languages.ENGLISH);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = findRow(sheet, "Period");
            Row known = sheet.getRow(header + 1);
            assertThat(known.getCell(0).getStringCellValue()).isEqualTo(d0.plusDays(1).toString());
            assertThat(known.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(known.getCell(1).getNumericCellValue()).isEqualTo(12.5);
            Row missing = sheet.getRow(header + 2);
            assertThat(missing.getCell(1)).isNull();
            assertThat(missing.getCell(2).getNumericCellValue()).isEqualTo(1);
        }
    }

    @Test
    void finance_can_subscribe_to_the_daily_usage_report_and_the_low_remaining_list() throws IOException {
        SubscribableReport daily = subscribable.stream().filter(r -> r.key().equals("report.daily-usage")).findFirst()
                .orElseThrow();
        assertThat(daily.cadence()).isEqualTo(ReportCadence.DAILY);
        assertThat(subscribable).extracting(SubscribableReport::key).contains("report.low-remaining");
        LoginSupport.loginAs(users, "finance");
        ReportFile file = daily.render(d0.plusDays(1), CHINESE);
        assertThat(file.fileName()).isEqualTo("daily-usage-" + d0.plusDays(1) + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row row = sheet.getRow(findRow(sheet, fixtures.address(meter)));
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("王小明");
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(12.5);
        }
    }

    @Test
    void the_line_loss_and_list_pdfs_render() throws IOException {
        LoginSupport.loginAs(users, "finance");
        for (ReportFile file : List.of(exports.lineLoss(d0, d0.plusDays(1), ExportFormat.PDF, CHINESE),
                exports.dailyUsage(d0.plusDays(1), ExportFormat.PDF, CHINESE),
                exports.lowRemaining(null, ExportFormat.PDF, CHINESE))) {
            try (PDDocument pdf = Loader.loadPDF(file.content())) {
                assertThat(pdf.getNumberOfPages()).isPositive();
            }
        }
    }

    private static int findRow(Sheet sheet, String firstCell) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(firstCell)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starting with " + firstCell);
    }
}
