package io.jichao.report.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.report.EnergyComparison;
import io.jichao.report.EnergyReport;
import io.jichao.report.Granularity;
import io.jichao.report.ReportFixtures;
import io.jichao.report.ReportLevel;
import io.jichao.report.ReportTarget;
import io.jichao.shared.ui.EChart;
import io.jichao.testing.KaribuTest;

class EnergyReportViewTest extends KaribuTest {

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
    private final LocalDate d0 = LocalDate.of(2025, 12, 1);

    @BeforeEach
    void meterWithAGap() {
        fixtures = new ReportFixtures(meters, structure, users, jdbc);
        meter = fixtures.meter("视图表", 1, false);
        fixtures.closing(meter, d0, "10.00");
        fixtures.closing(meter, d0.plusDays(1), "12.50");
        fixtures.closing(meter, d0.plusDays(3), "20.00");
        fixtures.closing(meter, d0.plusDays(4), "21.00");
    }

    @Test
    void a_daily_report_of_a_meter_shows_its_rows_a_gap_in_the_chart_and_the_missing_count() {
        login("finance");
        navigateTo("reports/energy");
        choose(ReportLevel.METER, Granularity.DAY, d0.plusDays(1), d0.plusDays(4));
        _click(_get(Button.class, spec -> spec.withId(EnergyReportView.SHOW_ID)));

        assertThat(rows().getGenericDataView().getItems().map(r -> r.figure().known().map(Object::toString).orElse("-")))
                .containsExactly("2.50", "-", "-", "1.00");
        String option = _get(EChart.class, spec -> spec.withId(EnergyReportView.CHART_ID)).getOption();
        assertThat(option).contains("\"data\":[2.50,null,null,1.00]");
        assertThat(_get(Span.class, spec -> spec.withId(EnergyReportView.SUMMARY_ID)).getText())
                .contains("3.50").contains("2 of 4 meter-intervals missing");
        assertThat(_get(Anchor.class, spec -> spec.withId(EnergyReportView.XLSX_ID)).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withId(EnergyReportView.PDF_ID)).getHref()).isNotBlank();
    }

    @Test
    void comparing_shows_both_periods_side_by_side() {
        login("finance");
        navigateTo("reports/energy");
        choose(ReportLevel.METER, Granularity.DAY, d0.plusDays(1), d0.plusDays(1));
        _get(Checkbox.class, spec -> spec.withId(EnergyReportView.COMPARE_ID)).setValue(true);
        _get(DatePicker.class, spec -> spec.withId(EnergyReportView.SECOND_FROM_ID)).setValue(d0.plusDays(4));
        _get(DatePicker.class, spec -> spec.withId(EnergyReportView.SECOND_TO_ID)).setValue(d0.plusDays(4));
        _click(_get(Button.class, spec -> spec.withId(EnergyReportView.SHOW_ID)));

        @SuppressWarnings("unchecked")
        Grid<EnergyComparison.Line> lines = _get(Grid.class, spec -> spec.withId(EnergyReportView.COMPARE_ROWS_ID));
        assertThat(lines.isVisible()).isTrue();
        assertThat(lines.getGenericDataView().getItems()).singleElement().satisfies(line -> {
            assertThat(line.difference().map(Object::toString)).contains("-1.50");
            assertThat(line.percent().map(p -> p.toPlainString())).contains("-60.00");
        });
    }

    @Test
    void a_clerk_finds_no_meter_of_another_district_as_a_target() {
        login("clerk");
        navigateTo("reports/energy");
        @SuppressWarnings("unchecked")
        Select<ReportLevel> level = _get(Select.class, spec -> spec.withId(EnergyReportView.LEVEL_ID));
        level.setValue(ReportLevel.METER);
        @SuppressWarnings("unchecked")
        ComboBox<ReportTarget> target = _get(ComboBox.class, spec -> spec.withId(EnergyReportView.TARGET_ID));
        assertThat(target.getLazyDataView().getItems().filter(t -> t.id() == meter)).isEmpty();
    }

    private void choose(ReportLevel chosen, Granularity granularity, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        Select<ReportLevel> level = _get(Select.class, spec -> spec.withId(EnergyReportView.LEVEL_ID));
        level.setValue(chosen);
        @SuppressWarnings("unchecked")
        ComboBox<ReportTarget> target = _get(ComboBox.class, spec -> spec.withId(EnergyReportView.TARGET_ID));
        target.setValue(new ReportTarget(meter, fixtures.address(meter)));
        @SuppressWarnings("unchecked")
        Select<Granularity> by = _get(Select.class, spec -> spec.withId(EnergyReportView.GRANULARITY_ID));
        by.setValue(granularity);
        _get(DatePicker.class, spec -> spec.withId(EnergyReportView.FROM_ID)).setValue(from);
        _get(DatePicker.class, spec -> spec.withId(EnergyReportView.TO_ID)).setValue(to);
    }

    @SuppressWarnings("unchecked")
    private Grid<EnergyReport.Row> rows() {
        return _get(Grid.class, spec -> spec.withId(EnergyReportView.ROWS_ID));
    }
}
