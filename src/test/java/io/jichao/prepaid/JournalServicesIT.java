package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.prepaid.LedgerJournalService.JournalEntry;
import io.jichao.prepaid.LedgerJournalService.KindTotal;
import io.jichao.prepaid.RechargeJournalService.JournalOrder;
import io.jichao.prepaid.RechargeJournalService.StateFilter;
import io.jichao.prepaid.SalesReportService.Figures;
import io.jichao.prepaid.SalesReportService.Period;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorService;
import io.jichao.security.OperatorService.OperatorDraft;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * The recharge journal and the ledger journal on MariaDB, from orders placed at chosen Shanghai
 * instants on a future day of their own (as in {@link SalesReportServiceIT}), so the figures are
 * exact on the shared database; the ledger's totals are checked against {@link SalesReportService}.
 */
@JichaoSpringTest
class JournalServicesIT {

    /** TIMESTAMP ends in 2038; SalesReportServiceIT uses the 15th and 16th of months up to 2036. */
    private static final int BASE_DAY = 2 * ThreadLocalRandom.current().nextInt(150);
    private static final AtomicInteger DAYS = new AtomicInteger();

    @Autowired
    private RechargeJournalService orderJournal;
    @Autowired
    private LedgerJournalService ledgerJournal;
    @Autowired
    private LedgerJournalExportService exports;
    @Autowired
    private SalesReportService sales;
    @Autowired
    private RechargeProgress progress;
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
    private OperatorService operators;
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
    private UserDetailsService users;

    private SalesReportServiceIT.SettableClock clock;
    private RechargeService recharges;
    private LocalDate day;
    private RechargeOrderView cash;
    private RechargeOrderView card;
    private RechargeOrderView late;
    private RechargeOrderView host;
    private RechargeOrderView other;

    /**
     * Day D is a day in 2037 no other test uses. In building A the clerk sells 100.00 cash at
     * 09:00 (then sent and failed), 50.00 by card at 15:30 (cancelled at 16:00), 10.00 to a
     * host-side prepaid household at 11:00 (confirmed at once) and 30.00 at 00:00 of D+1; in building
     * C clerk2 sells 80.00 by transfer at 10:00. The host-side household is debited 4.00 at 20:00.
     */
    @BeforeEach
    void ordersOfTwoDistricts() {
        clock = new SalesReportServiceIT.SettableClock();
        recharges = new RechargeService(orderRepository, accounts, ledger, tariffs, meters, entityManager,
                currentOperator, audit, properties, new DefaultListableBeanFactory().getBeanProvider(RechargeDelivery.class),
                transactionManager, event -> { }, clock);
        day = LocalDate.of(2037, 1, 1).plusDays(BASE_DAY + 2L * DAYS.getAndIncrement());
        if (day.getDayOfMonth() == 15 || day.getDayOfMonth() == 16) {
            day = day.plusDays(2);
        }
        PrepaidFixtures fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        long meterA = fixtures.meter("A", BillingMode.PREPAID);
        long hostA = fixtures.meter("A", BillingMode.HOST_PREPAID);
        long meterC = fixtures.meter("C", BillingMode.PREPAID);
        fixtures.flatGroup("0.5000", meterA, hostA, meterC);

        LoginSupport.loginAs(users, "clerk");
        cash = sell(meterA, "100.00", PaymentMethod.CASH, day.atTime(9, 0));
        card = sell(meterA, "50.00", PaymentMethod.BANK_CARD, day.atTime(15, 30));
        clock.at(day.atTime(16, 0));
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> recharges.cancel(card.id()));
        host = sell(hostA, "10.00", PaymentMethod.CASH, day.atTime(11, 0));
        late = sell(meterA, "30.00", PaymentMethod.CASH, day.plusDays(1).atStartOfDay());
        LoginSupport.loginAs(users, "clerk2");
        other = sell(meterC, "80.00", PaymentMethod.TRANSFER, day.atTime(10, 0));
        LoginSupport.logout();
        progress.markSent(cash.id());
        progress.markFailed(cash.id(), "no answer");
        ledger.save(new LedgerEntry(host.accountId(), LedgerKind.HOST_DEBIT, Money.of("-4.00"), Kwh.ZERO, null,
                "system", shanghai(day.atTime(20, 0)), "host debit"));
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void the_recharge_journal_lists_the_districts_orders_of_a_shanghai_day_newest_first() {
        LoginSupport.loginAs(users, "clerk");
        RechargeJournalService.Filter filter = new RechargeJournalService.Filter(day, StateFilter.ALL);

        List<JournalOrder> page = orderJournal.page(filter, 0, 50);
        assertThat(page).extracting(JournalOrder::id).containsExactly(host.id(), card.id(), cash.id());
        assertThat(orderJournal.count(filter)).isEqualTo(3);
        assertThat(orderJournal.page(filter, 1, 1)).extracting(JournalOrder::id).containsExactly(card.id());
        JournalOrder hostSide = page.getFirst();
        assertThat(hostSide.billingMode()).isEqualTo(BillingMode.HOST_PREPAID);
        assertThat(hostSide.state()).isEqualTo(RechargeState.CONFIRMED);
        assertThat(hostSide.clerkName()).isEqualTo("收费员 王丽");
        assertThat(hostSide.amount()).isEqualTo(Money.of("10.00"));
        assertThat(hostSide.cancellable()).isFalse();
    }

    @Test
    void the_state_filters_pick_waiting_failed_confirmed_and_cancelled_orders() {
        LoginSupport.loginAs(users, "clerk");

        assertThat(ids(new RechargeJournalService.Filter(null, StateFilter.WAITING)))
                .contains(cash.id(), late.id()).doesNotContain(card.id(), host.id(), other.id());
        List<JournalOrder> failed = orderJournal.page(new RechargeJournalService.Filter(day, StateFilter.FAILED), 0, 10);
        assertThat(failed).singleElement().satisfies(order -> {
            assertThat(order.id()).isEqualTo(cash.id());
            assertThat(order.lastFailure()).isEqualTo("no answer");
            assertThat(order.attempts()).isEqualTo(1);
            assertThat(order.cancellable()).isFalse();
        });
        assertThat(ids(new RechargeJournalService.Filter(day, StateFilter.CANCELLED))).containsExactly(card.id());
        assertThat(ids(new RechargeJournalService.Filter(day, StateFilter.CONFIRMED))).containsExactly(host.id());
        assertThat(orderJournal.page(new RechargeJournalService.Filter(day.plusDays(1), null), 0, 10))
                .singleElement().satisfies(order -> assertThat(order.cancellable()).isTrue());
    }

    @Test
    void a_clerk_of_another_district_sees_only_its_own_orders_and_finance_is_refused_the_recharge_journal() {
        LoginSupport.loginAs(users, "clerk2");
        assertThat(ids(new RechargeJournalService.Filter(day, StateFilter.ALL))).containsExactly(other.id());

        LoginSupport.loginAs(users, "finance");
        assertThatThrownBy(() -> orderJournal.count(new RechargeJournalService.Filter(day, StateFilter.ALL)))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
    }

    @Test
    void the_ledger_totals_per_kind_equal_the_sales_report_of_the_same_day_and_month() {
        LoginSupport.loginAs(users, "finance");

        assertReconciles(new Period.Day(day));
        assertReconciles(new Period.Month(YearMonth.from(day)));
        Map<LedgerKind, KindTotal> totals = byKind(LedgerJournalService.Filter.days(day, day));
        assertThat(totals.get(LedgerKind.RECHARGE).entries()).isEqualTo(4);
        assertThat(totals.get(LedgerKind.RECHARGE).amount()).isEqualTo(Money.of("240.00"));
        assertThat(totals.get(LedgerKind.REVERSAL).amount()).isEqualTo(Money.of("-50.00"));
        assertThat(totals.get(LedgerKind.HOST_DEBIT).amount()).isEqualTo(Money.of("-4.00"));
    }

    @Test
    void a_finance_operator_limited_to_buildings_a_and_b_sees_their_entries_only_and_reconciles_with_the_clerk() {
        String username = "fin-ab-" + ThreadLocalRandom.current().nextInt(1_000_000);
        LoginSupport.loginAs(users, "super");
        List<Long> ab = structure.buildings().stream().filter(b -> b.code().equals("A") || b.code().equals("B"))
                .map(b -> b.id()).toList();
        operators.provisionAtStartup(new OperatorDraft(username, "财务 A-B", Set.of(Role.FINANCE), false,
                Set.copyOf(ab), Set.of(), null), "Secret-123456", false);

        LoginSupport.loginAs(users, username);
        List<JournalEntry> entries = ledgerJournal.page(LedgerJournalService.Filter.days(day, day), 0, 100);
        assertThat(entries).extracting(JournalEntry::orderId).doesNotContain(other.id());
        assertThat(entries).filteredOn(e -> e.kind() == LedgerKind.HOST_DEBIT).singleElement()
                .satisfies(e -> assertThat(e.orderId()).isNull());
        Map<LedgerKind, KindTotal> mine = byKind(LedgerJournalService.Filter.days(day, day));
        assertThat(mine.get(LedgerKind.RECHARGE).amount()).isEqualTo(Money.of("160.00"));

        LoginSupport.loginAs(users, "clerk");
        Figures clerkSales = sales.report(new Period.Day(day)).totals();
        assertThat(mine.get(LedgerKind.RECHARGE).amount()).isEqualTo(clerkSales.gross());
        assertThat(mine.get(LedgerKind.REVERSAL).amount()).isEqualTo(clerkSales.reversed());
    }

    @Test
    void the_ledger_filters_by_kind_office_building_and_household() {
        LoginSupport.loginAs(users, "finance");
        long buildingC = structure.buildings().stream().filter(b -> b.code().equals("C")).findFirst().orElseThrow().id();
        long office2 = structure.offices().stream().filter(o -> o.name().equals(SalesReportServiceIT.OFFICE_2))
                .findFirst().orElseThrow().id();
        String room = meters.get(host.meterId()).draft().room();

        assertThat(ledgerJournal.page(new LedgerJournalService.Filter(day, day, Set.of(LedgerKind.REVERSAL), null, null,
                null), 0, 100)).extracting(JournalEntry::orderId).contains(card.id()).doesNotContain(cash.id());
        assertThat(orderIds(new LedgerJournalService.Filter(day, day, Set.of(), null, buildingC, null)))
                .contains(other.id()).doesNotContain(cash.id());
        assertThat(orderIds(new LedgerJournalService.Filter(day, day, Set.of(), office2, null, null)))
                .contains(other.id()).doesNotContain(cash.id(), host.id());
        assertThat(ledgerJournal.page(new LedgerJournalService.Filter(day, day, Set.of(), null, null, room), 0, 100))
                .extracting(JournalEntry::kind).containsExactly(LedgerKind.RECHARGE, LedgerKind.HOST_DEBIT);
        assertThatThrownBy(() -> ledgerJournal.count(LedgerJournalService.Filter.days(day, day.minusDays(1))))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.journal.period");
    }

    @Test
    void a_clerk_is_refused_the_ledger_journal() {
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> ledgerJournal.totals(LedgerJournalService.Filter.days(day, day)))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
    }

    @Test
    void the_exports_hold_the_entries_and_the_totals_per_kind() throws Exception {
        LoginSupport.loginAs(users, "finance");
        LedgerJournalService.Filter filter = LedgerJournalService.Filter.days(day, day);
        int count = ledgerJournal.count(filter);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exports.xlsx(filter, Locale.SIMPLIFIED_CHINESE)))) {
            Sheet sheet = workbook.getSheet("流水明细");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("账务流水 " + day + " 至 " + day);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("类型");
            assertThat(sheet.getLastRowNum()).isEqualTo(count + 1);
            Sheet totals = workbook.getSheet("按类型合计");
            assertThat(totals.getRow(1).getCell(0).getStringCellValue()).isEqualTo("充值");
            assertThat(totals.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(240.00);
        }
        try (PDDocument document = Loader.loadPDF(exports.pdf(filter, Locale.SIMPLIFIED_CHINESE))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("账务流水", "充值", "冲正", "主站扣费", "合计", "240.00", "-50.00", "收费员 陈静");
        }
    }

    private void assertReconciles(Period period) {
        Figures figures = sales.report(period).totals();
        Map<LedgerKind, KindTotal> totals = byKind(LedgerJournalService.Filter.days(period.firstDay(),
                period.endDay().minusDays(1)));
        KindTotal recharge = totals.get(LedgerKind.RECHARGE);
        assertThat(recharge.entries()).isEqualTo(figures.recharges());
        assertThat(recharge.amount()).isEqualTo(figures.gross());
        assertThat(recharge.kwh()).isEqualTo(figures.grossKwh());
        Money reversed = List.of(LedgerKind.REVERSAL, LedgerKind.REFUND).stream().filter(totals::containsKey)
                .map(k -> totals.get(k).amount()).reduce(Money.ZERO, Money::plus);
        assertThat(reversed).isEqualTo(figures.reversed());
    }

    private Map<LedgerKind, KindTotal> byKind(LedgerJournalService.Filter filter) {
        return ledgerJournal.totals(filter).stream().collect(Collectors.toMap(KindTotal::kind, t -> t));
    }

    private List<Long> ids(RechargeJournalService.Filter filter) {
        return orderJournal.page(filter, 0, 10_000).stream().map(JournalOrder::id).toList();
    }

    private List<Long> orderIds(LedgerJournalService.Filter filter) {
        return ledgerJournal.page(filter, 0, 10_000).stream().map(JournalEntry::orderId).toList();
    }

    private RechargeOrderView sell(long meterId, String yuan, PaymentMethod method, LocalDateTime shanghaiTime) {
        clock.at(shanghaiTime);
        return recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of(yuan)),
                new Payment(method, method == PaymentMethod.TRANSFER ? "T-1" : null), PrepaidFixtures.key()));
    }

    private static java.time.Instant shanghai(LocalDateTime time) {
        return time.atZone(SalesReportServiceIT.SHANGHAI).toInstant();
    }
}
