package io.jichao.prepaid.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.PostpaidSettlementService.NotSettled;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

class SettlementViewTest extends KaribuTest {

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    @Test
    void finance_settles_last_month_and_sees_a_meter_without_readings_as_not_settled() {
        String run = String.valueOf(System.nanoTime() % 10_000_000_000L);
        LoginSupport.loginAs(users, "super");
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst().orElseThrow().id();
        String address = "88" + String.format("%010d", Long.parseLong(run));
        long meterId = meters.create(new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.SINGLE,
                BillingMode.POSTPAID, buildingId, null, null, null, 1, 1, new BigDecimal("10"), null, null,
                "Q" + run, "Settlement view " + run, List.of()));
        LoginSupport.logout();
        YearMonth last = YearMonth.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)).minusMonths(1);
        LocalDateTime start = LocalDateTime.ofInstant(
                last.atDay(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant(), ZoneOffset.UTC);
        // Only the opening closing: the month end is missing.
        jdbc.update("INSERT INTO energy_hourly (meter_id, hour_start, register_kwh, taken_at, backfilled) VALUES (?, ?, 1, ?, FALSE)",
                meterId, start.minusHours(1), start);

        login("finance");
        navigateTo("prepaid/settlement");
        @SuppressWarnings("unchecked")
        ComboBox<YearMonth> month = _get(ComboBox.class, spec -> spec.withId(SettlementView.MONTH_ID));
        assertThat(month.getValue()).isEqualTo(last);
        _click(_get(Button.class, spec -> spec.withId(SettlementView.SETTLE_ID)));

        @SuppressWarnings("unchecked")
        Grid<NotSettled> notSettled = _get(Grid.class, spec -> spec.withId(SettlementView.NOT_SETTLED_ID));
        assertThat(notSettled.getGenericDataView().getItems()).anySatisfy(n -> {
            assertThat(n.meterId()).isEqualTo(meterId);
            assertThat(n.reason()).isEqualTo(io.jichao.prepaid.PostpaidSettlementService.Reason.MISSING_READINGS);
        });
        assertThat(_get(Grid.class, spec -> spec.withId(SettlementView.FINDINGS_ID))).isNotNull();
    }

    @Test
    void a_clerk_cannot_open_the_page() {
        login("clerk");
        assertThat(catchThrowable(() -> navigateTo("prepaid/settlement"))).isInstanceOf(MockAccessDeniedException.class);
    }
}
