package io.jichao.prepaid.ui;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.prepaid.SalesExportService;
import io.jichao.prepaid.SalesReportService;
import io.jichao.prepaid.SalesReportService.DailySales;
import io.jichao.prepaid.SalesReportService.Figures;
import io.jichao.prepaid.SalesReportService.Period;
import io.jichao.prepaid.SalesReportService.SalesReport;
import io.jichao.prepaid.SalesReportService.SalesRow;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Daily and monthly sales per property office, clerk and payment method (R20): pick a day or a
 * month (the month of the picked day), see the rows with a totals line and, for a month, the days;
 * download XLSX or PDF. Thin over {@link SalesReportService}, which checks permission and district.
 */
@Route("prepaid/sales")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.FINANCE_NAME, Role.RECHARGE_CLERK_NAME})
public class SalesView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String KIND_ID = "sales-kind";
    public static final String DATE_ID = "sales-date";
    public static final String ROWS_ID = "sales-rows";
    public static final String DAYS_ID = "sales-days";
    public static final String XLSX_ID = "sales-xlsx";
    public static final String PDF_ID = "sales-pdf";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A day's or a month's report. */
    public enum Kind { DAY, MONTH }

    private final transient SalesReportService sales;
    private final transient SalesExportService exports;
    private final RadioButtonGroup<Kind> kind = new RadioButtonGroup<>();
    private final DatePicker date = new DatePicker();
    private final Grid<SalesRow> rows = new Grid<>();
    private final Grid<DailySales> days = new Grid<>();
    private final H3 title = new H3();

    public SalesView(SalesReportService sales, SalesExportService exports) {
        this.sales = sales;
        this.exports = exports;
        setSizeFull();
        Locale locale = getLocale();

        kind.setId(KIND_ID);
        kind.setLabel(getTranslation("sales.period"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("sales.period." + k.name()));
        kind.setValue(Kind.DAY);
        date.setId(DATE_ID);
        date.setLabel(getTranslation("sales.day"));
        date.setValue(LocalDate.now(TimeConfiguration.DISPLAY_ZONE));
        kind.addValueChangeListener(e -> refresh());
        date.addValueChangeListener(e -> refresh());

        Anchor xlsx = link(XLSX_ID, "sales.export.xlsx", VaadinIcon.FILE_TABLE, event -> {
            Period period = period();
            event.setFileName(SalesExportService.fileName(period) + ".xlsx");
            event.setContentType(XLSX_TYPE);
            event.getOutputStream().write(exports.xlsx(period, locale));
        });
        Anchor pdf = link(PDF_ID, "sales.export.pdf", VaadinIcon.FILE_O, event -> {
            Period period = period();
            event.setFileName(SalesExportService.fileName(period) + ".pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(exports.pdf(period, locale));
        });
        HorizontalLayout controls = new HorizontalLayout(kind, date, xlsx, pdf);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);

        rows.setId(ROWS_ID);
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        rows.addColumn(r -> r.office() == null ? getTranslation("sales.office.none") : r.office())
                .setHeader(getTranslation("sales.col.office")).setAutoWidth(true);
        rows.addColumn(SalesRow::clerkName).setHeader(getTranslation("sales.col.clerk")).setAutoWidth(true);
        rows.addColumn(r -> getTranslation("recharge.method." + r.method().name()))
                .setHeader(getTranslation("sales.col.method")).setAutoWidth(true);
        figureColumns(rows, SalesRow::figures);

        days.setId(DAYS_ID);
        days.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        days.addColumn(d -> DateTimeFormatter.ISO_LOCAL_DATE.format(d.day()))
                .setHeader(getTranslation("sales.col.day")).setAutoWidth(true);
        figureColumns(days, DailySales::figures);

        add(controls, title, rows, new H3(getTranslation("sales.days")), days);
        refresh();
    }

    private Period period() {
        LocalDate day = date.getValue() == null
                ? LocalDate.now(TimeConfiguration.DISPLAY_ZONE) : date.getValue();
        return kind.getValue() == Kind.MONTH ? new Period.Month(YearMonth.from(day)) : new Period.Day(day);
    }

    private void refresh() {
        try {
            Period period = period();
            date.setLabel(getTranslation(period instanceof Period.Month ? "sales.month" : "sales.day"));
            SalesReport report = sales.report(period);
            title.setText(period instanceof Period.Month month
                    ? getTranslation("sales.title.month", month.month().toString())
                    : getTranslation("sales.title.day", period.firstDay().toString()));
            rows.setItems(report.rows());
            days.setItems(report.days());
            Figures totals = report.totals();
            rows.getColumns().get(0).setFooter(getTranslation("sales.total"));
            String[] footers = {String.valueOf(totals.recharges()), totals.gross().toString(),
                    totals.grossKwh().toString(), String.valueOf(totals.reversals()), totals.reversed().toString(),
                    totals.net().toString(), totals.netKwh().toString()};
            for (int i = 0; i < footers.length; i++) {
                rows.getColumns().get(3 + i).setFooter(footers[i]);
            }
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private <T> void figureColumns(Grid<T> grid, java.util.function.Function<T, Figures> figures) {
        grid.addColumn(t -> figures.apply(t).recharges()).setHeader(getTranslation("sales.col.recharges"))
                .setAutoWidth(true);
        grid.addColumn(t -> figures.apply(t).gross().toString()).setHeader(getTranslation("sales.col.gross"))
                .setAutoWidth(true);
        grid.addColumn(t -> figures.apply(t).grossKwh().toString()).setHeader(getTranslation("sales.col.gross.kwh"))
                .setAutoWidth(true);
        grid.addColumn(t -> figures.apply(t).reversals()).setHeader(getTranslation("sales.col.reversals"))
                .setAutoWidth(true);
        grid.addColumn(t -> figures.apply(t).reversed().toString()).setHeader(getTranslation("sales.col.reversed"))
                .setAutoWidth(true);
        grid.addColumn(t -> figures.apply(t).net().toString()).setHeader(getTranslation("sales.col.net"))
                .setAutoWidth(true);
        grid.addColumn(t -> figures.apply(t).netKwh().toString()).setHeader(getTranslation("sales.col.net.kwh"))
                .setFlexGrow(1);
    }

    private Anchor link(String id, String key, VaadinIcon icon, DownloadHandler handler) {
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        anchor.setId(id);
        anchor.add(new Button(getTranslation(key), icon.create()));
        return anchor;
    }

    @Override
    public String pageTitleKey() {
        return "sales.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
