package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.prepaid.SalesReportService.Figures;
import io.jichao.prepaid.SalesReportService.Period;
import io.jichao.prepaid.SalesReportService.SalesReport;
import io.jichao.prepaid.SalesReportService.SalesRow;
import io.jichao.security.CurrentOperator;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Sales of a Shanghai day and month from hand-computed orders. The orders are placed at chosen
 * instants by a {@link RechargeService} on a settable clock, in a future month of their own that no
 * other test writes to, so the figures are exact on the shared database.
 */
@JichaoSpringTest
class SalesReportServiceIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String OFFICE_1 = "米格天地物业一处";
    static final String OFFICE_2 = "米格天地物业二处";
    private static final int BASE_MONTH = ThreadLocalRandom.current().nextInt(100);
    private static final AtomicInteger MONTHS = new AtomicInteger();

    @Autowired
    private SalesReportService sales;
    @Autowired
    private SalesExportService exports;
    @Autowired
    private RechargeOrderRepository orderRepository;
    @Autowired
    private PrepaidAccounts accounts;
    @Autowired
    private LedgerEntryRepository ledger;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private EntityManager entityManager;
    @Autowired
    private CurrentOperator currentOperator;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private PrepaidProperties properties;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;

    private SettableClock clock;
    private RechargeService recharges;
    private YearMonth month;
    private LocalDate day;

    /**
     * The fixture: day D is the 15th of the month. In building A (office 一处) the clerk sells
     * 100.00 cash at 09:00, 50.00 by bank card at 15:30 (cancelled at 16:00), 20.00 cash at
     * 23:59:59.999 and 30.00 cash at 00:00 of D+1 (16:00 UTC of D: the next day); in building C
     * (office 二处) clerk2 sells 80.00 by transfer at 10:00. Flat 0.50 yuan per kWh.
     */
    @BeforeEach
    void ordersAroundShanghaiMidnight() {
        clock = new SettableClock();
        recharges = new RechargeService(orderRepository, accounts, ledger, tariffs, meters, entityManager,
                currentOperator, audit, properties, new DefaultListableBeanFactory().getBeanProvider(RechargeDelivery.class),
                transactionManager, event -> { }, clock);
        month = YearMonth.of(2028, 1).plusMonths(BASE_MONTH + MONTHS.getAndIncrement());
        day = month.atDay(15);
        PrepaidFixtures fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        long meterA = fixtures.meter("A", BillingMode.PREPAID);
        long meterC = fixtures.meter("C", BillingMode.PREPAID);
        fixtures.flatGroup("0.5000", meterA, meterC);

        LoginSupport.loginAs(users, "clerk");
        sell(meterA, "100.00", Payment.cash(), day.atTime(9, 0));
        RechargeOrderView card = sell(meterA, "50.00", new Payment(PaymentMethod.BANK_CARD, null), day.atTime(15, 30));
        clock.at(day.atTime(16, 0));
        // Built by hand, the service has no transactional proxy: cancel runs in a transaction of the test's.
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> recharges.cancel(card.id()));
        sell(meterA, "20.00", Payment.cash(), day.atTime(23, 59, 59, 999_000_000));
        sell(meterA, "30.00", Payment.cash(), day.plusDays(1).atStartOfDay());
        LoginSupport.loginAs(users, "clerk2");
        sell(meterC, "80.00", new Payment(PaymentMethod.TRANSFER, "T-1"), day.atTime(10, 0));
        LoginSupport.logout();
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void a_day_groups_sales_by_office_clerk_and_payment_method_with_reversals_netted() {
        LoginSupport.loginAs(users, "finance");
        SalesReport report = sales.report(new Period.Day(day));

        assertThat(report.rows()).containsExactly(
                new SalesRow(OFFICE_1, "clerk", "收费员 王丽", PaymentMethod.CASH,
                        figures(2, "120.00", "240.00", 0, "0.00", "0.00")),
                new SalesRow(OFFICE_1, "clerk", "收费员 王丽", PaymentMethod.BANK_CARD,
                        figures(1, "50.00", "100.00", 1, "-50.00", "-100.00")),
                new SalesRow(OFFICE_2, "clerk2", "收费员 陈静", PaymentMethod.TRANSFER,
                        figures(1, "80.00", "160.00", 0, "0.00", "0.00")));
        assertThat(report.totals()).isEqualTo(figures(4, "250.00", "500.00", 1, "-50.00", "-100.00"));
        assertThat(report.totals().net()).isEqualTo(Money.of("200.00"));
        assertThat(report.totals().netKwh()).isEqualTo(Kwh.of("400.00"));
        assertThat(report.days()).singleElement().satisfies(d -> assertThat(d.day()).isEqualTo(day));
    }

    @Test
    void the_totals_equal_a_direct_sum_of_the_ledger_over_the_shanghai_day() {
        LoginSupport.loginAs(users, "finance");
        Period period = new Period.Day(day);
        SalesReport report = sales.report(period);

        assertThat(period.from()).isEqualTo(Instant.parse(day.minusDays(1) + "T16:00:00Z"));
        BigDecimal ledgerSum = jdbc.queryForObject("SELECT SUM(amount) FROM ledger_entry"
                        + " WHERE kind IN ('RECHARGE', 'REVERSAL', 'REFUND') AND occurred_at >= ? AND occurred_at < ?",
                BigDecimal.class, Timestamp.from(period.from()), Timestamp.from(period.to()));
        assertThat(report.totals().net()).isEqualTo(new Money(ledgerSum));
    }

    @Test
    void a_month_counts_the_sale_after_midnight_and_breaks_the_month_down_by_day() {
        LoginSupport.loginAs(users, "finance");
        SalesReport report = sales.report(new Period.Month(month));

        assertThat(report.rows().getFirst()).isEqualTo(new SalesRow(OFFICE_1, "clerk", "收费员 王丽",
                PaymentMethod.CASH, figures(3, "150.00", "300.00", 0, "0.00", "0.00")));
        assertThat(report.totals()).isEqualTo(figures(5, "280.00", "560.00", 1, "-50.00", "-100.00"));
        assertThat(report.days()).hasSize(month.lengthOfMonth());
        assertThat(report.days().get(14).figures().net()).isEqualTo(Money.of("200.00"));
        assertThat(report.days().get(15).figures()).isEqualTo(figures(1, "30.00", "60.00", 0, "0.00", "0.00"));
        assertThat(report.days().get(13).figures()).isEqualTo(Figures.NONE);
        Money sumOfDays = report.days().stream().map(d -> d.figures().net()).reduce(Money.ZERO, Money::plus);
        assertThat(sumOfDays).isEqualTo(report.totals().net());
    }

    @Test
    void a_clerk_sees_only_the_sales_of_the_district() {
        LoginSupport.loginAs(users, "clerk");
        SalesReport report = sales.report(new Period.Day(day));

        assertThat(report.rows()).extracting(SalesRow::office).containsOnly(OFFICE_1);
        assertThat(report.totals()).isEqualTo(figures(3, "170.00", "340.00", 1, "-50.00", "-100.00"));
        LoginSupport.loginAs(users, "clerk2");
        assertThat(sales.report(new Period.Day(day)).totals().net()).isEqualTo(Money.of("80.00"));
    }

    @Test
    void a_maintainer_is_refused() {
        LoginSupport.loginAs(users, "maint");
        assertThatThrownBy(() -> sales.report(new Period.Day(day)))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
    }

    @Test
    void the_xlsx_export_holds_the_rows_and_totals_under_chinese_headers() throws Exception {
        LoginSupport.loginAs(users, "finance");
        byte[] xlsx = exports.xlsx(new Period.Month(month), Locale.SIMPLIFIED_CHINESE);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("售电汇总");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(month + " 月售电报表");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("管理处");
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("净收款（元）");
            Row first = sheet.getRow(2);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(OFFICE_1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("收费员 王丽");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("现金");
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(3);
            assertThat(amount(first.getCell(4))).isEqualByComparingTo("150.00");
            Row total = sheet.getRow(5);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(amount(total.getCell(4))).isEqualByComparingTo("280.00");
            assertThat(amount(total.getCell(7))).isEqualByComparingTo("-50.00");
            assertThat(amount(total.getCell(8))).isEqualByComparingTo("230.00");
            assertThat(amount(total.getCell(9))).isEqualByComparingTo("460.00");
            Sheet days = workbook.getSheet("每日明细");
            assertThat(days.getLastRowNum()).isEqualTo(month.lengthOfMonth());
            assertThat(days.getRow(16).getCell(0).getStringCellValue()).isEqualTo(day.plusDays(1).toString());
            assertThat(amount(days.getRow(16).getCell(6))).isEqualByComparingTo("30.00");
        }
    }

    @Test
    void the_pdf_export_prints_the_chinese_office_names_and_the_totals() throws Exception {
        LoginSupport.loginAs(users, "finance");
        byte[] pdf = exports.pdf(new Period.Day(day), Locale.SIMPLIFIED_CHINESE);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(OFFICE_1, OFFICE_2, "收费员 陈静", "转账", "合计", "管理处", "250.00", "200.00",
                    day + " 日售电报表");
        }
        LoginSupport.loginAs(users, "maint");
        assertThatThrownBy(() -> exports.pdf(new Period.Day(day), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
    }

    private RechargeOrderView sell(long meterId, String yuan, Payment payment, LocalDateTime shanghaiTime) {
        clock.at(shanghaiTime);
        return recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of(yuan)), payment,
                PrepaidFixtures.key()));
    }

    static Figures figures(int recharges, String gross, String grossKwh, int reversals, String reversed,
                           String reversedKwh) {
        return new Figures(recharges, Money.of(gross), Kwh.of(grossKwh), reversals, Money.of(reversed),
                Kwh.of(reversedKwh));
    }

    /** A clock the test moves to each sale's Shanghai time. */
    static final class SettableClock extends Clock {
        private volatile Instant now = Instant.now();

        void at(LocalDateTime shanghaiTime) {
            now = shanghaiTime.atZone(SHANGHAI).toInstant();
        }

        @Override
        public ZoneId getZone() { return ZoneId.of("UTC"); }

        @Override
        public Clock withZone(ZoneId zone) { return this; }

        @Override
        public Instant instant() { return now; }
    }

    /** A money or energy cell: a number shown with two decimals. */
    private static BigDecimal amount(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00");
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }
}
