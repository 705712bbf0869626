package io.jichao.prepaid.ui;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.jichao.prepaid.PostpaidSettlementService;
import io.jichao.prepaid.PostpaidSettlementService.NotSettled;
import io.jichao.prepaid.PostpaidSettlementService.Settled;
import io.jichao.prepaid.ReconciliationService;
import io.jichao.prepaid.ReconciliationService.Finding;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

/**
 * Post-paid settlement of a month and the latest prepaid reconciliation findings (R3), for finance.
 * Thin over {@link PostpaidSettlementService} and {@link ReconciliationService}, which check FINANCE
 * and the district; settling a month again adds nothing.
 */
@Route("prepaid/settlement")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.FINANCE_NAME})
public class SettlementView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String MONTH_ID = "settlement-month";
    public static final String SETTLE_ID = "settlement-run";
    public static final String SETTLED_ID = "settlement-settled";
    public static final String NOT_SETTLED_ID = "settlement-not-settled";
    public static final String FINDINGS_ID = "reconciliation-findings";

    private final transient PostpaidSettlementService settlements;
    private final ComboBox<YearMonth> month = new ComboBox<>();
    private final Grid<Settled> settled = new Grid<>();
    private final Grid<NotSettled> notSettled = new Grid<>();
    private final Grid<Finding> findings = new Grid<>();

    public SettlementView(PostpaidSettlementService settlements, ReconciliationService reconciliation, Clock clock) {
        this.settlements = settlements;
        YearMonth current = YearMonth.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
        List<YearMonth> months = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            months.add(current.minusMonths(i));
        }
        month.setId(MONTH_ID);
        month.setLabel(getTranslation("settlement.month"));
        month.setItems(months);
        month.setItemLabelGenerator(YearMonth::toString);
        month.setValue(months.getFirst());
        Button settle = new Button(getTranslation("settlement.run"), event -> settle());
        settle.setId(SETTLE_ID);

        setUp(settled, SETTLED_ID);
        settled.addColumn(Settled::address).setHeader(getTranslation("settlement.col.meter")).setAutoWidth(true);
        settled.addColumn(s -> s.energy().toString()).setHeader(getTranslation("settlement.col.kwh")).setAutoWidth(true);
        settled.addColumn(s -> s.amount().toString()).setHeader(getTranslation("settlement.col.amount"))
                .setAutoWidth(true);
        setUp(notSettled, NOT_SETTLED_ID);
        notSettled.addColumn(NotSettled::address).setHeader(getTranslation("settlement.col.meter")).setAutoWidth(true);
        notSettled.addColumn(n -> getTranslation("settlement.reason." + n.reason().name()))
                .setHeader(getTranslation("settlement.col.reason")).setAutoWidth(true);
        setUp(findings, FINDINGS_ID);
        findings.addColumn(f -> f.day().toString()).setHeader(getTranslation("reconciliation.col.day")).setAutoWidth(true);
        findings.addColumn(Finding::address).setHeader(getTranslation("settlement.col.meter")).setAutoWidth(true);
        findings.addColumn(Finding::confirmedOrders).setHeader(getTranslation("reconciliation.col.orders"))
                .setAutoWidth(true);
        findings.addColumn(f -> f.ledgerKwh().toString()).setHeader(getTranslation("reconciliation.col.ledger"))
                .setAutoWidth(true);
        findings.addColumn(f -> f.meterKwh() == null ? "" : f.meterKwh().toString())
                .setHeader(getTranslation("reconciliation.col.meter.kwh")).setAutoWidth(true);
        findings.addColumn(f -> f.meterPurchases() == null ? "" : String.valueOf(f.meterPurchases()))
                .setHeader(getTranslation("reconciliation.col.purchases")).setAutoWidth(true);

        HorizontalLayout bar = new HorizontalLayout(month, settle);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(bar, new H3(getTranslation("settlement.settled")), settled,
                new H3(getTranslation("settlement.not.settled")), notSettled,
                new H3(getTranslation("reconciliation.title")), findings);
        findings.setItems(reconciliation.latest());
    }

    private void settle() {
        if (month.getValue() == null) {
            return;
        }
        try {
            PostpaidSettlementService.SettlementReport report = settlements.settle(month.getValue());
            settled.setItems(report.settled());
            notSettled.setItems(report.notSettled());
            Notifications.success("settlement.done", String.valueOf(report.added()));
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private static <T> void setUp(Grid<T> grid, String id) {
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("14em");
    }

    @Override
    public String pageTitleKey() {
        return "settlement.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
