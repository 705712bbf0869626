package io.jichao.report.ui;

import java.time.LocalDate;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import io.jichao.report.EnergyFigure;
import io.jichao.report.ExportFormat;
import io.jichao.report.HierarchyNode;
import io.jichao.report.LineLossReport;
import io.jichao.report.LineLossService;
import io.jichao.report.ReportExports;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.EChart;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Line loss (R14): the ranking of parent meters by loss over a period with its chart and exports,
 * and the meter hierarchy as an editable tree. Thin over {@link LineLossService}.
 */
@Route("reports/line-loss")
@PermitAll
public class LineLossView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String FROM_ID = "lineloss-from";
    public static final String TO_ID = "lineloss-to";
    public static final String SHOW_ID = "lineloss-show";
    public static final String NODES_ID = "lineloss-nodes";
    public static final String CHART_ID = "lineloss-chart";
    public static final String XLSX_ID = "lineloss-xlsx";
    public static final String PDF_ID = "lineloss-pdf";
    static final int CHART_NODES = 20;

    private final transient LineLossService lineLoss;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<LineLossReport.Node> nodes = new Grid<>();
    private final EChart chart = new EChart();
    private final HierarchyTree tree;

    public LineLossView(LineLossService lineLoss, ReportExports exports) {
        this.lineLoss = lineLoss;
        setSizeFull();
        Locale locale = getLocale();
        LocalDate today = LocalDate.now(TimeConfiguration.DISPLAY_ZONE);
        from.setId(FROM_ID);
        from.setLabel(getTranslation("report.from"));
        from.setValue(today.withDayOfMonth(1).minusMonths(1));
        to.setId(TO_ID);
        to.setLabel(getTranslation("report.to"));
        to.setValue(today.withDayOfMonth(1).minusDays(1));
        Button show = new Button(getTranslation("report.show"), e -> refresh());
        show.setId(SHOW_ID);
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout controls = new HorizontalLayout(from, to, show,
                Downloads.link(XLSX_ID, getTranslation("report.export.xlsx"), VaadinIcon.FILE_TABLE,
                        () -> exports.lineLoss(from.getValue(), to.getValue(), ExportFormat.XLSX, locale)),
                Downloads.link(PDF_ID, getTranslation("report.export.pdf"), VaadinIcon.FILE_O,
                        () -> exports.lineLoss(from.getValue(), to.getValue(), ExportFormat.PDF, locale)));
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);

        nodes.setId(NODES_ID);
        nodes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        nodes.addColumn(n -> n.meter().label()).setHeader(getTranslation("lineloss.col.meter")).setAutoWidth(true);
        nodes.addColumn(LineLossReport.Node::children).setHeader(getTranslation("lineloss.col.children"));
        nodes.addColumn(n -> kwh(n.parent())).setHeader(getTranslation("lineloss.col.parent"));
        nodes.addColumn(n -> kwh(n.childrenSum())).setHeader(getTranslation("lineloss.col.children.kwh"));
        nodes.addColumn(n -> n.loss().map(Kwh::toString).orElse("—")).setHeader(getTranslation("lineloss.col.loss"));
        nodes.addColumn(n -> n.percent().map(p -> p.toPlainString() + " %").orElse("—"))
                .setHeader(getTranslation("lineloss.col.percent"));
        nodes.addColumn(n -> n.money().map(Money::toString).orElse("—")).setHeader(getTranslation("lineloss.col.money"));
        nodes.addColumn(n -> n.complete() ? getTranslation("report.status.complete")
                : getTranslation("report.status.incomplete.count", n.missing()))
                .setHeader(getTranslation("lineloss.col.missing")).setFlexGrow(1);
        chart.setId(CHART_ID);

        tree = new HierarchyTree(this::move);
        add(controls, chart, nodes, new H3(getTranslation("hierarchy.title")), tree);
        refresh();
    }

    void refresh() {
        try {
            LineLossReport report = lineLoss.report(from.getValue(), to.getValue());
            nodes.setItems(report.nodes());
            chart.setOption(ReportCharts.lineLoss(report, getTranslation("lineloss.col.percent"), CHART_NODES));
            tree.setNodes(lineLoss.hierarchy());
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private void move(HierarchyNode meter, HierarchyNode parent) {
        try {
            lineLoss.setParent(meter.meterId(), parent == null ? null : parent.meterId());
            Notifications.success("hierarchy.moved", meter.address());
            refresh();
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private static String kwh(EnergyFigure figure) {
        return figure.known().map(Kwh::toString).orElse("—");
    }

    @Override
    public String pageTitleKey() {
        return "lineloss.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
