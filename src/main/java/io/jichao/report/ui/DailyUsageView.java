package io.jichao.report.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import io.jichao.collection.ReadingFormat;
import io.jichao.collection.ReadingItem;
import io.jichao.report.ExportFormat;
import io.jichao.report.MeterListService;
import io.jichao.report.MeterLists.DailyUsage;
import io.jichao.report.MeterLists.DailyUsageReport;
import io.jichao.report.ReportExports;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/** The daily usage report (R8): every meter's energy of a day and its remaining energy; print (PDF) or XLSX. */
@Route("reports/daily-usage")
@PermitAll
public class DailyUsageView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String DAY_ID = "daily-day";
    public static final String ROWS_ID = "daily-rows";
    public static final String SUMMARY_ID = "daily-summary";
    public static final String XLSX_ID = "daily-xlsx";
    public static final String PDF_ID = "daily-pdf";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient MeterListService lists;
    private final DatePicker day = new DatePicker();
    private final Grid<DailyUsage> rows = new Grid<>();
    private final Span summary = new Span();

    public DailyUsageView(MeterListService lists, ReportExports exports) {
        this.lists = lists;
        setSizeFull();
        Locale locale = getLocale();
        day.setId(DAY_ID);
        day.setLabel(getTranslation("daily.day"));
        day.setValue(LocalDate.now(TimeConfiguration.DISPLAY_ZONE).minusDays(1));
        day.addValueChangeListener(e -> refresh());
        HorizontalLayout controls = new HorizontalLayout(day,
                Downloads.link(XLSX_ID, getTranslation("report.export.xlsx"), VaadinIcon.FILE_TABLE,
                        () -> exports.dailyUsage(day.getValue(), ExportFormat.XLSX, locale)),
                Downloads.link(PDF_ID, getTranslation("report.print"), VaadinIcon.PRINT,
                        () -> exports.dailyUsage(day.getValue(), ExportFormat.PDF, locale)));
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        rows.setId(ROWS_ID);
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        rows.addColumn(r -> r.meter().address()).setHeader(getTranslation("list.col.address")).setAutoWidth(true);
        rows.addColumn(r -> r.meter().building()).setHeader(getTranslation("list.col.building")).setAutoWidth(true);
        rows.addColumn(r -> r.meter().room()).setHeader(getTranslation("list.col.room")).setAutoWidth(true);
        rows.addColumn(r -> r.meter().household()).setHeader(getTranslation("list.col.household")).setAutoWidth(true);
        rows.addColumn(r -> r.usage().known().map(Kwh::toString)
                .orElse(getTranslation(r.usage().notDue() ? "report.status.notdue" : "report.status.missing")))
                .setHeader(getTranslation("daily.col.usage")).setAutoWidth(true);
        rows.addColumn(r -> r.remainingKwh() == null ? "—"
                        : ReadingFormat.format(ReadingItem.REMAINING_ENERGY, r.remainingKwh()))
                .setHeader(getTranslation("list.col.remaining")).setAutoWidth(true);
        rows.addColumn(r -> r.remainingAt() == null ? "" : TIME.format(r.remainingAt()))
                .setHeader(getTranslation("list.col.read.at")).setFlexGrow(1);
        summary.setId(SUMMARY_ID);
        add(controls, summary, rows);
        refresh();
    }

    private void refresh() {
        if (day.getValue() == null) {
            return;
        }
        try {
            DailyUsageReport report = lists.dailyUsage(day.getValue());
            rows.setItems(report.rows());
            String total = report.total().known().map(Kwh::toString).orElse("—");
            String text = getTranslation("daily.summary", report.rows().size(), total);
            summary.setText(report.total().missing() > 0
                    ? text + " " + getTranslation("daily.summary.missing", report.total().missing()) : text);
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    @Override
    public String pageTitleKey() {
        return "nav.reports.daily";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
