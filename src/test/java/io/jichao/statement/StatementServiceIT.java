package io.jichao.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.security.OperatorService;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * A March 2025 statement computed by hand: the meter (CT 2 × PT 1) closes February at 1000.0000
 * kWh and each March day 3.5 kWh higher, except the 15th which was never read: March ends at
 * 1108.50, the register advanced 108.50 kWh, usage 217.00 kWh, complete. Ledger: 100.00 yuan /
 * 200.00 kWh bought in February; in March (Shanghai) 10.00 at 00:30 on the 1st (16:30 UTC on
 * 28 February), 50.00 on the 5th, a 20.00 refund on the 20th; 30.00 at 00:30 on 1 April (16:30 UTC
 * on 31 March) belongs to April. Opening 100.00, closing 140.00 yuan; 200.00 and 280.00 kWh.
 */
@JichaoSpringTest
class StatementServiceIT {

    private static final YearMonth MARCH = YearMonth.of(2025, 3);

    @Autowired
    private StatementService statements;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private OperatorService operators;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;

    private StatementFixtures fixtures;
    private final int n = StatementFixtures.next();
    private final String name = "张晓华" + StatementFixtures.RUN + "-" + n;
    private final String room = "乙" + StatementFixtures.RUN + "-" + n;
    private final String address = StatementFixtures.address(n);
    private long meterId;
    private long householdId;

    @BeforeEach
    void marchOfAChineseHousehold() {
        fixtures = new StatementFixtures(meters, structure, jdbc, users);
        meterId = fixtures.meter("A", address, room, name, 2, 1);
        householdId = fixtures.householdOf(meterId);
        fixtures.closing(meterId, LocalDate.of(2025, 2, 28), "1000.0000");
        for (int day = 1; day <= 31; day++) {
            if (day != 15) {
                fixtures.closing(meterId, LocalDate.of(2025, 3, day), String.valueOf(1000 + day * 3.5));
            }
        }
        fixtures.flatTariff(meterId, LocalDate.of(2025, 1, 1), "0.5000");
        long account = fixtures.account(householdId);
        fixtures.entry(account, "RECHARGE", "100.00", "200.00", Instant.parse("2025-02-10T02:00:00Z"));
        fixtures.entry(account, "RECHARGE", "10.00", "20.00", Instant.parse("2025-02-28T16:30:00Z"));
        fixtures.entry(account, "RECHARGE", "50.00", "100.00", Instant.parse("2025-03-05T02:00:00Z"));
        fixtures.entry(account, "REFUND", "-20.00", "-40.00", Instant.parse("2025-03-20T06:00:00Z"));
        fixtures.entry(account, "RECHARGE", "30.00", "60.00", Instant.parse("2025-03-31T16:30:00Z"));
        LoginSupport.loginAs(users, "finance");
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void the_statement_figures_follow_the_shanghai_month_and_the_ledger() {
        MonthlyStatement statement = statements.load(householdId, MARCH);

        assertThat(statement.householdName()).isEqualTo(name);
        assertThat(statement.meters()).singleElement().satisfies(meter -> {
            assertThat(meter.openingRegister()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1000.00"));
            assertThat(meter.closingRegister()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1108.50"));
            assertThat(meter.usage()).contains(Kwh.of("217.00"));
            assertThat(meter.incomplete()).isFalse();
            assertThat(meter.multiplier()).isEqualTo(2);
        });
        assertThat(statement.entries()).extracting(MonthlyStatement.Entry::amount)
                .containsExactly(Money.of("10.00"), Money.of("50.00"), Money.of("-20.00"));
        assertThat(statement.openingBalance()).isEqualTo(Money.of("100.00"));
        assertThat(statement.closingBalance()).isEqualTo(Money.of("140.00"));
        assertThat(statement.openingKwh()).isEqualTo(Kwh.of("200.00"));
        assertThat(statement.closingKwh()).isEqualTo(Kwh.of("280.00"));
    }

    @Test
    void the_chinese_pdf_shows_names_readings_usage_tariff_entries_and_balances() throws IOException {
        byte[] pdf = statements.statementOfMeter(meterId, MARCH, Locale.SIMPLIFIED_CHINESE);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("月度电费对账单 2025-03", name, room, address, "期初读数", "1000.00",
                    "1108.50", "217.00", "×2", "单一电价 0.5000 元/kWh", "电表读数与用电量", "本月账户流水", "账户余额", "充值", "退款", "-20.00", "2025-03-01 00:30",
                    "期初余额", "100.00", "期末余额", "140.00", "280.00");
            assertThat(text).doesNotContain("2025-04-01", "（不完整）");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path screenshot = Path.of("target/screenshots/statement.png");
            Files.createDirectories(screenshot.getParent());
            ImageIO.write(page, "png", screenshot.toFile());
            Files.write(screenshot.resolveSibling("statement.pdf"), pdf);
            assertThat(screenshot).isNotEmptyFile();
        }
    }

    @Test
    void a_month_without_its_closing_reading_is_incomplete_and_never_zero() throws IOException {
        int m = StatementFixtures.next();
        long other = fixtures.meter("A", StatementFixtures.address(m), "丙" + StatementFixtures.RUN + "-" + m,
                "李四" + m, 1, 1);
        fixtures.closing(other, LocalDate.of(2025, 3, 10), "50.0000");
        fixtures.closing(other, LocalDate.of(2025, 3, 11), "52.2500");
        LoginSupport.loginAs(users, "finance");

        MonthlyStatement statement = statements.load(fixtures.householdOf(other), MARCH);

        assertThat(statement.meters()).singleElement().satisfies(meter -> {
            assertThat(meter.openingRegister()).isEmpty();
            assertThat(meter.closingRegister()).isEmpty();
            assertThat(meter.usage()).contains(Kwh.of("2.25"));
            assertThat(meter.incomplete()).isTrue();
            assertThat(meter.tariff()).as("no version of the site default was in force in 2025").isEmpty();
        });
        assertThat(statement.entries()).isEmpty();
        try (PDDocument document = Loader.loadPDF(statements.statementOfMeter(other, MARCH, Locale.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Monthly electricity statement 2025-03", "2.25 (incomplete)", "No tariff in force",
                            "No entries this month");
        }
    }

    @Test
    void finance_of_another_district_finds_no_such_household() {
        String outsider = fixtures.districtFinance(operators, fixtures.buildingId("C"));
        LoginSupport.loginAs(users, outsider);

        assertThatThrownBy(() -> statements.statement(householdId, MARCH, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.statement.not.found");
        assertThatThrownBy(() -> statements.statementOfMeter(meterId, MARCH, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void a_clerk_without_the_finance_permission_gets_no_statement() {
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> statements.statement(householdId, MARCH, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.permission.denied");
    }
}
