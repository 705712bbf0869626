package io.jichao.report.ui;

import java.math.BigDecimal;
import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import io.jichao.collection.ReadingFormat;
import io.jichao.collection.ReadingItem;
import io.jichao.report.ExportFormat;
import io.jichao.report.MeterListService;
import io.jichao.report.MeterLists.LowRemaining;
import io.jichao.report.MeterLists.LowRemainingReport;
import io.jichao.report.ReportExports;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * The low-remaining-energy list (R21): meters whose latest remaining energy is below a typed
 * threshold, or below their own alarm level 1 when none is typed; print (PDF) or XLSX.
 */
@Route("reports/low-remaining")
@PermitAll
public class LowRemainingView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String THRESHOLD_ID = "low-threshold";
    public static final String ROWS_ID = "low-rows";
    public static final String SUMMARY_ID = "low-summary";
    public static final String XLSX_ID = "low-xlsx";
    public static final String PDF_ID = "low-pdf";

    private final transient MeterListService lists;
    private final BigDecimalField threshold = new BigDecimalField();
    private final Grid<LowRemaining> rows = new Grid<>();
    private final Span summary = new Span();

    public LowRemainingView(MeterListService lists, ReportExports exports) {
        this.lists = lists;
        setSizeFull();
        Locale locale = getLocale();
        threshold.setId(THRESHOLD_ID);
        threshold.setLabel(getTranslation("low.threshold"));
        threshold.setHelperText(getTranslation("low.threshold.help"));
        threshold.setClearButtonVisible(true);
        threshold.addValueChangeListener(e -> refresh());
        HorizontalLayout controls = new HorizontalLayout(threshold,
                Downloads.link(XLSX_ID, getTranslation("report.export.xlsx"), VaadinIcon.FILE_TABLE,
                        () -> exports.lowRemaining(threshold.getValue(), ExportFormat.XLSX, locale)),
                Downloads.link(PDF_ID, getTranslation("report.print"), VaadinIcon.PRINT,
                        () -> exports.lowRemaining(threshold.getValue(), ExportFormat.PDF, locale)));
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        rows.setId(ROWS_ID);
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        rows.addColumn(r -> r.meter().address()).setHeader(getTranslation("list.col.address")).setAutoWidth(true);
        rows.addColumn(r -> r.meter().building()).setHeader(getTranslation("list.col.building")).setAutoWidth(true);
        rows.addColumn(r -> r.meter().room()).setHeader(getTranslation("list.col.room")).setAutoWidth(true);
        rows.addColumn(r -> r.meter().household()).setHeader(getTranslation("list.col.household")).setAutoWidth(true);
        rows.addColumn(LowRemaining::phone).setHeader(getTranslation("list.col.phone")).setAutoWidth(true);
        rows.addColumn(r -> ReadingFormat.format(ReadingItem.REMAINING_ENERGY, r.remainingKwh())).setHeader(getTranslation("list.col.remaining"))
                .setAutoWidth(true);
        rows.addColumn(r -> r.threshold().toPlainString()).setHeader(getTranslation("low.col.threshold"))
                .setAutoWidth(true);
        rows.addColumn(r -> DailyUsageView.TIME.format(r.readAt())).setHeader(getTranslation("list.col.read.at"))
                .setFlexGrow(1);
        summary.setId(SUMMARY_ID);
        add(controls, summary, rows);
        refresh();
    }

    private void refresh() {
        try {
            BigDecimal chosen = threshold.getValue();
            LowRemainingReport report = lists.lowRemaining(chosen);
            rows.setItems(report.rows());
            summary.setText(getTranslation("low.note.count", report.rows().size()));
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    @Override
    public String pageTitleKey() {
        return "nav.reports.low";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
