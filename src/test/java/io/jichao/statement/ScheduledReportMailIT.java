package io.jichao.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.security.OperatorService;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Subscriptions mailed through a real SMTP server on loopback (GreenMail, ephemeral port): the
 * application's own {@link JavaMailSender} is pointed at it. Each test subscribes its own new
 * finance operators, so the runner only finds other tests' subscriptions already sent.
 */
@JichaoSpringTest
class ScheduledReportMailIT {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    private ReportSubscriptionService subscriptions;
    @Autowired
    private ScheduledReportRunner runner;
    @Autowired
    private JavaMailSender mailSender;
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
    @Autowired
    private Clock clock;

    private StatementFixtures fixtures;
    private YearMonth previousMonth;

    @BeforeEach
    void pointTheMailSenderAtGreenMail() throws Exception {
        ((JavaMailSenderImpl) mailSender).setPort(greenMail.getSmtp().getPort());
        fixtures = new StatementFixtures(meters, structure, jdbc, users);
        previousMonth = YearMonth.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)).minusMonths(1);
        runner.runDue();
        greenMail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void the_monthly_sales_xlsx_arrives_once_for_every_recipient() throws Exception {
        String financeUser = fixtures.districtFinance(operators, fixtures.buildingId("A"));
        LoginSupport.loginAs(users, financeUser);
        subscriptions.subscribe("prepaid.sales-monthly", "cw@example.com; boss@example.com", Locale.SIMPLIFIED_CHINESE);
        LoginSupport.logout();

        assertThat(runner.runDue()).isEqualTo(1);

        assertThat(greenMail.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).contains("月度售电报表", previousMonth.toString());
        assertThat(mail.getFrom()[0].toString()).isEqualTo("jichao-test@localhost");
        Part attachment = attachment(mail, "sales-" + previousMonth + ".xlsx");
        try (InputStream in = attachment.getInputStream(); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet rows = workbook.getSheetAt(0);
            assertThat(rows.getRow(0).getCell(0).getStringCellValue()).contains(previousMonth.toString());
            assertThat(rows.getRow(1).getCell(0).getStringCellValue()).isEqualTo("管理处");
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
        }

        assertThat(runner.runDue()).as("a second run in the same period sends nothing").isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        LoginSupport.loginAs(users, financeUser);
        assertThat(subscriptions.mine()).singleElement().satisfies(s -> {
            assertThat(s.lastOutcome()).isEqualTo("SENT");
            assertThat(s.lastRunAt()).isNotNull();
        });
    }

    @Test
    void a_failed_delivery_is_kept_and_sent_by_the_next_run() throws Exception {
        String financeUser = fixtures.districtFinance(operators, fixtures.buildingId("A"));
        LoginSupport.loginAs(users, financeUser);
        subscriptions.subscribe("prepaid.sales-monthly", "retry@example.com", Locale.ENGLISH);
        LoginSupport.logout();
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
        int greenMailPort = sender.getPort();
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            sender.setPort(closed.getLocalPort());
        }

        assertThat(runner.runDue()).isZero();
        LoginSupport.loginAs(users, financeUser);
        assertThat(subscriptions.mine()).singleElement().satisfies(s -> {
            assertThat(s.lastOutcome()).isEqualTo("FAILED");
            assertThat(s.lastError()).contains("Mail");
        });
        LoginSupport.logout();
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        sender.setPort(greenMailPort);
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()[0].getSubject())
                .isEqualTo("Jichao report: Monthly sales report (XLSX) (" + previousMonth + ")");
        assertThat(jdbc.queryForObject("""
                SELECT d.attempts FROM report_delivery d JOIN report_subscription s ON s.id = d.subscription_id
                  JOIN operator o ON o.id = s.operator_id WHERE o.username = ? AND d.state = 'SENT'""",
                Integer.class, financeUser)).isEqualTo(2);
    }

    @Test
    void the_district_statements_run_with_the_subscriber_district() throws Exception {
        long buildingB = fixtures.buildingId("B");
        String financeUser = fixtures.districtFinance(operators, buildingB);
        int households = jdbc.queryForObject("""
                SELECT COUNT(DISTINCT household_id) FROM meter
                 WHERE building_id = ? AND household_id IS NOT NULL AND state <> 'REMOVED'""", Integer.class, buildingB);
        LoginSupport.loginAs(users, financeUser);
        subscriptions.subscribe("statement.district-monthly", "district@example.com", Locale.SIMPLIFIED_CHINESE);
        LoginSupport.logout();

        assertThat(runner.runDue()).isEqualTo(1);

        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        Part zip = attachment(greenMail.getReceivedMessages()[0], "statements-" + previousMonth + ".zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getInputStream().readAllBytes()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).hasSize(households);
    }

    @Test
    void subscriptions_need_finance_valid_addresses_and_a_known_report() {
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> subscriptions.subscribe("prepaid.sales-monthly", "a@example.com", Locale.ENGLISH))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.permission.denied");

        LoginSupport.loginAs(users, fixtures.districtFinance(operators, fixtures.buildingId("A")));
        assertThatThrownBy(() -> subscriptions.subscribe("prepaid.sales-monthly", "not-an-address", Locale.ENGLISH))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.subscription.recipients");
        assertThatThrownBy(() -> subscriptions.subscribe("no.such.report", "a@example.com", Locale.ENGLISH))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.subscription.report.unknown");
        long id = subscriptions.subscribe("prepaid.sales-monthly", "a@example.com", Locale.ENGLISH);
        assertThatThrownBy(() -> subscriptions.subscribe("prepaid.sales-monthly", "b@example.com", Locale.ENGLISH))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.subscription.exists");
        subscriptions.unsubscribe(id);
        assertThat(subscriptions.mine()).isEmpty();
    }

    @Test
    void the_due_period_is_the_previous_day_or_month_once_the_delay_has_passed() {
        // 2026-12-01 00:30 in Shanghai: with the 1 h delay, November is not over long enough yet.
        java.time.Instant early = LocalDate.of(2026, 12, 1).atTime(0, 30).atZone(TimeConfiguration.DISPLAY_ZONE).toInstant();
        assertThat(runner.duePeriod(io.jichao.shared.report.ReportCadence.MONTHLY, early)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(runner.duePeriod(io.jichao.shared.report.ReportCadence.DAILY, early)).isEqualTo(LocalDate.of(2026, 11, 29));
        java.time.Instant later = early.plusSeconds(3600);
        assertThat(runner.duePeriod(io.jichao.shared.report.ReportCadence.MONTHLY, later)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(runner.duePeriod(io.jichao.shared.report.ReportCadence.DAILY, later)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    private static Part attachment(MimeMessage mail, String fileName) throws MessagingException, IOException {
        Multipart multipart = (Multipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (fileName.equals(part.getFileName())) {
                return part;
            }
        }
        throw new AssertionError("no attachment " + fileName);
    }
}
