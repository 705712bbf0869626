package io.jichao.home.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.alarm.AlarmKind;
import io.jichao.alarm.AlarmRecorder;
import io.jichao.alarm.AlarmSubject;
import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.home.HomeSnapshot.OfficeSales;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.PaymentMethod;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffService;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.EChart;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

class HomeViewTest extends KaribuTest {

    private static final String OFFICE_OF_A = "米格天地物业一处";

    @Autowired
    private AlarmRecorder recorder;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private UserDetailsService users;

    @Test
    void the_home_page_pushes_the_active_alarms_and_faults_of_the_district_as_they_are_raised() {
        long meterInC = meterOf("C");
        long meterInA = meterOf("A");
        jdbc.update("DELETE FROM alarm WHERE meter_id IN (?, ?)", meterInC, meterInA);
        login("maint");
        openHome();
        long active = value("alarms-active");
        long faults = value("alarms-faults");

        recorder.raise(AlarmKind.METER_COMM_FAILURE, AlarmSubject.meter(meterInC), "3 timeouts");
        recorder.raise(AlarmKind.CLOCK_DRIFT, AlarmSubject.meter(meterInC), "90 s");
        recorder.raise(AlarmKind.METER_COMM_FAILURE, AlarmSubject.meter(meterInA), "outside the district");
        awaitPushed();

        assertThat(value("alarms-active")).isEqualTo(active + 2);
        assertThat(value("alarms-faults")).isEqualTo(faults + 1);
        assertThat(value("alarms-severity-fault")).isEqualTo(faults + 1);
    }

    @Test
    void the_super_admin_sees_reading_success_schedules_collectors_alarms_remaining_orders_and_sales_of_the_site() {
        login("super");
        openHome();

        assertThat(value("reading-unread")).isEqualTo(unreadTodayOnTheSite());
        assertThat(tile("reading-today")).isPresent();
        assertThat(tile("engine").isPresent() || tile("collectors-online").isPresent())
                .as("collectors online, or no engine in this process").isTrue();
        assertThat(tile("remaining-low")).isPresent();
        assertThat(tile("remaining-zero")).isPresent();
        assertThat(tile("orders-waiting")).isPresent();
        assertThat(_get(SalesPanel.class).isVisible()).isTrue();
        String trend = _get(EChart.class, spec -> spec.withId(HomeView.ALARM_TREND_ID)).getOption();
        assertThat(trend).contains(today().minusDays(6).toString().substring(5), today().toString().substring(5));
    }

    @Test
    void a_clerk_of_buildings_a_and_b_sees_their_figures_and_the_sale_just_made_by_push() {
        long meterId = prepaidMeterOfBuildingA();
        login("clerk");
        openHome();
        assertThat(value("reading-unread")).isEqualTo(unreadToday(List.of("A", "B")));
        assertThat(tile("engine")).isEmpty();
        assertThat(tile("collectors-online")).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withClasses("jichao-tile")).stream()
                .filter(d -> d.getId().orElse("").startsWith(HomeView.TILE_PREFIX + "schedule-"))).isEmpty();
        Money before = salesOf(OFFICE_OF_A).map(OfficeSales::today).orElse(Money.ZERO);
        long open = value("orders-waiting") + value("orders-failed");

        recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("12.34")),
                new Payment(PaymentMethod.CASH, null), UUID.randomUUID().toString()));
        awaitPushed();

        assertThat(salesOf(OFFICE_OF_A)).hasValueSatisfying(
                row -> assertThat(row.today()).isEqualTo(before.plus(Money.of("12.34"))));
        assertThat(_get(SalesPanel.class).shown()).extracting(OfficeSales::office).containsOnly(OFFICE_OF_A);
        assertThat(value("orders-waiting") + value("orders-failed")).isEqualTo(open + 1);
    }

    @Test
    void finance_sees_sales_and_orders_of_the_site_but_no_collectors() {
        login("finance");
        openHome();

        assertThat(value("reading-unread")).isEqualTo(unreadTodayOnTheSite());
        assertThat(tile("engine")).isEmpty();
        assertThat(tile("collectors-online")).isEmpty();
        assertThat(tile("orders-failed")).isPresent();
        assertThat(_get(SalesPanel.class).isVisible()).isTrue();
    }

    @Test
    void a_maintainer_sees_no_sales_and_no_orders() {
        login("maint");
        openHome();

        assertThat(value("reading-unread")).isEqualTo(unreadToday(List.of("C", "D")));
        assertThat(tile("orders-waiting")).isEmpty();
        assertThat(_find(SalesPanel.class)).as("no visible sales").isEmpty();
    }

    private void openHome() {
        navigateTo("");
        awaitPushed();
    }

    /** Lets the load finish and its UI.access run, as the next push would. */
    private void awaitPushed() {
        HomeView view = _get(HomeView.class);
        for (int round = 0; round < 3; round++) {
            view.loading().orTimeout(30, TimeUnit.SECONDS).join();
            MockVaadin.clientRoundtrip(false);
        }
    }

    private java.util.Optional<Div> tile(String name) {
        return _find(Div.class, spec -> spec.withId(HomeView.TILE_PREFIX + name)).stream().findFirst();
    }

    private long value(String name) {
        Div div = tile(name).orElseThrow(() -> new AssertionError("no tile " + name));
        Span number = (Span) div.getChildren().findFirst().orElseThrow();
        return Long.parseLong(number.getText().replace(",", ""));
    }

    private java.util.Optional<OfficeSales> salesOf(String office) {
        return _get(SalesPanel.class).shown().stream().filter(s -> office.equals(s.office())).findFirst();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
    }

    /** The whole site: other tests of the shared context add buildings and meters of their own. */
    private long unreadTodayOnTheSite() {
        Timestamp midnight = Timestamp.from(today().atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant());
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM meter m LEFT JOIN meter_status s ON s.meter_id = m.id
                WHERE m.state = 'ACTIVE' AND (s.last_success_at IS NULL OR s.last_success_at < ?)""",
                Long.class, midnight);
    }

    private long unreadToday(List<String> buildings) {
        Timestamp midnight = Timestamp.from(today().atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant());
        String in = String.join(",", buildings.stream().map(b -> "'" + b + "'").toList());
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM meter m JOIN building b ON b.id = m.building_id
                LEFT JOIN meter_status s ON s.meter_id = m.id
                WHERE m.state = 'ACTIVE' AND b.code IN (%s)
                  AND (s.last_success_at IS NULL OR s.last_success_at < ?)""".formatted(in), Long.class, midnight);
    }

    private long meterOf(String buildingCode) {
        return jdbc.queryForObject("""
                SELECT MIN(m.id) FROM meter m JOIN building b ON b.id = m.building_id
                WHERE b.code = ? AND m.state = 'ACTIVE'""", Long.class, buildingCode);
    }

    private long prepaidMeterOfBuildingA() {
        String run = String.valueOf(System.nanoTime() % 10_000_000_000L);
        LoginSupport.loginAs(users, "super");
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst()
                .orElseThrow().id();
        long meterId = meters.create(new MeterDraft("88" + String.format("%010d", Long.parseLong(run)), null,
                MeterProtocol.DLT645_2007, Phase.SINGLE, BillingMode.PREPAID, buildingId, null, null, null, 1, 1,
                new BigDecimal("10"), null, null, "H" + run, "Home view " + run, List.of()));
        long groupId = tariffs.createGroup("home-view-" + run);
        tariffs.addVersion(groupId, today(), new TariffPlan.Flat(PricePerKwh.of("0.5000")));
        tariffs.assignMeter(groupId, meterId);
        LoginSupport.logout();
        return meterId;
    }
}
