package io.jichao.report.ui;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import io.jichao.report.EnergyComparison;
import io.jichao.report.EnergyFigure;
import io.jichao.report.EnergyQuery;
import io.jichao.report.EnergyReport;
import io.jichao.report.EnergyReportService;
import io.jichao.report.ExportFormat;
import io.jichao.report.Granularity;
import io.jichao.report.ReportExports;
import io.jichao.report.ReportLevel;
import io.jichao.report.ReportTarget;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.EChart;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Energy reports (R8): pick a level and its target, a granularity and a period, optionally a second
 * period to compare; see the table and the chart, download XLSX or PDF. Thin over
 * {@link EnergyReportService} and {@link ReportExports}, which check permission and district.
 */
@Route("reports/energy")
@PermitAll
public class EnergyReportView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String LEVEL_ID = "energy-level";
    public static final String TARGET_ID = "energy-target";
    public static final String GRANULARITY_ID = "energy-granularity";
    public static final String FROM_ID = "energy-from";
    public static final String TO_ID = "energy-to";
    public static final String COMPARE_ID = "energy-compare";
    public static final String SECOND_FROM_ID = "energy-second-from";
    public static final String SECOND_TO_ID = "energy-second-to";
    public static final String SHOW_ID = "energy-show";
    public static final String ROWS_ID = "energy-rows";
    public static final String COMPARE_ROWS_ID = "energy-compare-rows";
    public static final String CHART_ID = "energy-chart";
    public static final String SUMMARY_ID = "energy-summary";
    public static final String XLSX_ID = "energy-xlsx";
    public static final String PDF_ID = "energy-pdf";

    private final transient EnergyReportService reports;
    private final transient ReportExports exports;
    private final Select<ReportLevel> level = new Select<>();
    private final ComboBox<ReportTarget> target = new ComboBox<>();
    private final Select<Granularity> granularity = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Checkbox compare = new Checkbox();
    private final DatePicker secondFrom = new DatePicker();
    private final DatePicker secondTo = new DatePicker();
    private final Grid<EnergyReport.Row> rows = new Grid<>();
    private final Grid<EnergyComparison.Line> compareRows = new Grid<>();
    private final EChart chart = new EChart();
    private final Span summary = new Span();
    private final H3 title = new H3();

    public EnergyReportView(EnergyReportService reports, ReportExports exports) {
        this.reports = reports;
        this.exports = exports;
        setSizeFull();
        Locale locale = getLocale();
        LocalDate today = LocalDate.now(TimeConfiguration.DISPLAY_ZONE);

        level.setId(LEVEL_ID);
        level.setLabel(getTranslation("report.level"));
        level.setItems(ReportLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("report.level." + l.name()));
        level.setValue(ReportLevel.BUILDING);
        target.setId(TARGET_ID);
        target.setLabel(getTranslation("report.target"));
        target.setItemLabelGenerator(ReportTarget::name);
        target.setWidth("22em");
        level.addValueChangeListener(e -> targetsOf(e.getValue()));
        targetsOf(ReportLevel.BUILDING);
        granularity.setId(GRANULARITY_ID);
        granularity.setLabel(getTranslation("report.granularity"));
        granularity.setItems(Granularity.values());
        granularity.setItemLabelGenerator(g -> getTranslation("report.granularity." + g.name()));
        granularity.setValue(Granularity.DAY);
        dates(from, FROM_ID, "report.from", today.withDayOfMonth(1));
        dates(to, TO_ID, "report.to", today);
        compare.setId(COMPARE_ID);
        compare.setLabel(getTranslation("report.compare"));
        dates(secondFrom, SECOND_FROM_ID, "report.second.from", today.withDayOfMonth(1).minusMonths(1));
        dates(secondTo, SECOND_TO_ID, "report.second.to", today.withDayOfMonth(1).minusDays(1));
        compare.addValueChangeListener(e -> {
            secondFrom.setVisible(e.getValue());
            secondTo.setVisible(e.getValue());
        });
        secondFrom.setVisible(false);
        secondTo.setVisible(false);
        Button show = new Button(getTranslation("report.show"), e -> refresh());
        show.setId(SHOW_ID);
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout controls = new HorizontalLayout(level, target, granularity, from, to, compare, secondFrom,
                secondTo, show,
                Downloads.link(XLSX_ID, getTranslation("report.export.xlsx"), VaadinIcon.FILE_TABLE,
                        () -> export(ExportFormat.XLSX, locale)),
                Downloads.link(PDF_ID, getTranslation("report.export.pdf"), VaadinIcon.FILE_O,
                        () -> export(ExportFormat.PDF, locale)));
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        controls.setWrap(true);

        rows.setId(ROWS_ID);
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        rows.addColumn(EnergyReport.Row::label).setHeader(getTranslation("report.col.period")).setAutoWidth(true);
        rows.addColumn(r -> kwh(r.figure())).setHeader(getTranslation("report.col.kwh")).setAutoWidth(true);
        rows.addColumn(r -> r.figure().missing()).setHeader(getTranslation("report.col.missing")).setAutoWidth(true);
        rows.addColumn(r -> status(r.figure())).setHeader(getTranslation("report.col.status")).setFlexGrow(1);

        compareRows.setId(COMPARE_ROWS_ID);
        compareRows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        compareRows.addColumn(l -> l.first() == null ? "" : l.first().label()).setHeader(getTranslation("report.col.period.a"));
        compareRows.addColumn(l -> kwh(l.firstFigure())).setHeader(getTranslation("report.col.kwh.a"));
        compareRows.addColumn(l -> l.firstFigure().missing()).setHeader(getTranslation("report.col.missing.a"));
        compareRows.addColumn(l -> l.second() == null ? "" : l.second().label()).setHeader(getTranslation("report.col.period.b"));
        compareRows.addColumn(l -> kwh(l.secondFigure())).setHeader(getTranslation("report.col.kwh.b"));
        compareRows.addColumn(l -> l.secondFigure().missing()).setHeader(getTranslation("report.col.missing.b"));
        compareRows.addColumn(l -> l.difference().map(Kwh::toString).orElse("—"))
                .setHeader(getTranslation("report.col.difference"));
        compareRows.addColumn(l -> l.percent().map(p -> p.toPlainString() + " %").orElse("—"))
                .setHeader(getTranslation("report.col.percent"));
        compareRows.setVisible(false);
        chart.setId(CHART_ID);
        summary.setId(SUMMARY_ID);
        add(controls, title, summary, chart, rows, compareRows);
    }

    private void dates(DatePicker picker, String id, String label, LocalDate value) {
        picker.setId(id);
        picker.setLabel(getTranslation(label));
        picker.setValue(value);
    }

    private void targetsOf(ReportLevel chosen) {
        target.clear();
        target.setEnabled(chosen != ReportLevel.DISTRICT);
        target.setItems((CallbackDataProvider.FetchCallback<ReportTarget, String>) query ->
                reports.targets(level.getValue(), query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                        .stream());
    }

    /** The current choices; refuses (DomainException) when they are incomplete. */
    private EnergyQuery chosenQuery() {
        ReportTarget chosen = target.getValue();
        return new EnergyQuery(level.getValue(), chosen == null ? null : chosen.id(), granularity.getValue(),
                from.getValue(), to.getValue());
    }

    private Optional<EnergyQuery> query() {
        try {
            return Optional.of(chosenQuery());
        } catch (DomainException refused) {
            Notifications.error(refused);
            return Optional.empty();
        }
    }

    /** Shows the report (or the comparison) of the current choices. */
    void refresh() {
        Optional<EnergyQuery> query = query();
        if (query.isEmpty()) {
            return;
        }
        try {
            boolean comparing = compare.getValue();
            rows.setVisible(!comparing);
            compareRows.setVisible(comparing);
            if (comparing) {
                EnergyComparison comparison = reports.compare(query.get(), secondFrom.getValue(), secondTo.getValue());
                compareRows.setItems(comparison.lines());
                compareRows.getColumns().get(0).setFooter(getTranslation("report.total"));
                compareRows.getColumns().get(1).setFooter(kwh(comparison.total().firstFigure()));
                compareRows.getColumns().get(4).setFooter(kwh(comparison.total().secondFigure()));
                compareRows.getColumns().get(6).setFooter(comparison.total().difference().map(Kwh::toString).orElse("—"));
                compareRows.getColumns().get(7).setFooter(comparison.total().percent()
                        .map(p -> p.toPlainString() + " %").orElse("—"));
                title.setText(name(comparison.first()));
                summary.setText(summary(comparison.first()) + " | " + summary(comparison.second()));
                chart.setOption(ReportCharts.comparison(comparison, getTranslation("report.period.a"),
                        getTranslation("report.period.b"), getTranslation("report.kwh")));
            } else {
                EnergyReport report = reports.report(query.get());
                rows.setItems(report.rows());
                rows.getColumns().get(0).setFooter(getTranslation("report.total"));
                rows.getColumns().get(1).setFooter(kwh(report.total()));
                rows.getColumns().get(2).setFooter(String.valueOf(report.total().missing()));
                rows.getColumns().get(3).setFooter(status(report.total()));
                title.setText(name(report));
                summary.setText(summary(report));
                chart.setOption(ReportCharts.energy(report, getTranslation("report.kwh.series"), getTranslation("report.kwh")));
            }
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private io.jichao.shared.report.ReportFile export(ExportFormat format, Locale locale) {
        // A download runs outside the UI lock: no notification here, an incomplete choice fails the download.
        EnergyQuery query = chosenQuery();
        return compare.getValue()
                ? exports.comparison(query, secondFrom.getValue(), secondTo.getValue(), format, locale)
                : exports.energy(query, format, locale);
    }

    private String name(EnergyReport report) {
        return report.targetName() == null ? getTranslation("report.level.DISTRICT") : report.targetName();
    }

    private String summary(EnergyReport report) {
        String text = getTranslation("report.summary", report.query().from(), report.query().to(), report.meters(),
                kwh(report.total()));
        return report.total().missing() > 0
                ? text + " " + getTranslation("report.summary.missing", report.total().missing(), report.total().expected())
                : text;
    }

    private static String kwh(EnergyFigure figure) {
        return figure.known().map(Kwh::toString).orElse("—");
    }

    private String status(EnergyFigure figure) {
        if (figure.known().isEmpty()) {
            return getTranslation(figure.notDue() ? "report.status.notdue" : "report.status.nodata");
        }
        return figure.missing() > 0 ? getTranslation("report.status.incomplete.count", figure.missing())
                : getTranslation("report.status.complete");
    }

    @Override
    public String pageTitleKey() {
        return "report.energy.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
