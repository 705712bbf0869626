package io.jichao.report.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.BigDecimalField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.report.MeterLists.DailyUsage;
import io.jichao.report.MeterLists.LowRemaining;
import io.jichao.report.ReportFixtures;
import io.jichao.testing.KaribuTest;

/** The daily usage page and the low-remaining-energy page. */
class ReportListsViewTest extends KaribuTest {

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
    private final LocalDate day = LocalDate.of(2025, 12, 20);

    @BeforeEach
    void meterWithADay() {
        fixtures = new ReportFixtures(meters, structure, users, jdbc);
        meter = fixtures.meter(fixtures.building.id(), "列表户", 1, null, new BigDecimal("15.00"));
        fixtures.closing(meter, day.minusDays(1), "70.00");
        fixtures.closing(meter, day, "73.25");
        fixtures.remaining(meter, Instant.now().minus(1, ChronoUnit.MINUTES), "9.75");
    }

    @Test
    void the_daily_usage_page_lists_the_meter_with_its_usage() {
        login("finance");
        navigateTo("reports/daily-usage");
        _get(DatePicker.class, spec -> spec.withId(DailyUsageView.DAY_ID)).setValue(day);

        @SuppressWarnings("unchecked")
        Grid<DailyUsage> rows = _get(Grid.class, spec -> spec.withId(DailyUsageView.ROWS_ID));
        assertThat(rows.getGenericDataView().getItems().filter(r -> r.meter().meterId() == meter))
                .singleElement().satisfies(r -> assertThat(r.usage().known().map(Object::toString)).contains("3.25"));
        assertThat(_get(Anchor.class, spec -> spec.withId(DailyUsageView.PDF_ID)).getHref()).isNotBlank();
    }

    @Test
    void the_low_remaining_page_lists_meters_below_their_alarm_level_or_the_typed_threshold() {
        login("finance");
        navigateTo("reports/low-remaining");
        @SuppressWarnings("unchecked")
        Grid<LowRemaining> rows = _get(Grid.class, spec -> spec.withId(LowRemainingView.ROWS_ID));
        assertThat(rows.getGenericDataView().getItems().map(r -> r.meter().meterId())).contains(meter);

        _get(BigDecimalField.class, spec -> spec.withId(LowRemainingView.THRESHOLD_ID)).setValue(new BigDecimal("5"));
        assertThat(rows.getGenericDataView().getItems().map(r -> r.meter().meterId())).doesNotContain(meter);
    }
}
