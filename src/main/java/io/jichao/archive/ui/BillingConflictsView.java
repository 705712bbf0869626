package io.jichao.archive.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.archive.BillingConflict;
import io.jichao.archive.BillingConflicts;
import io.jichao.security.Role;
import io.jichao.shared.ui.HasPageTitleKey;

/**
 * For the super admin: meters billed in a way they cannot support (PREPAID on a protocol that
 * cannot receive a recharge). Listed, never changed here: the fix is an edit of the meter on the
 * meters page, after deciding which mode is right.
 */
@Route("meters/billing-conflicts")
@RolesAllowed(Role.SUPER_ADMIN_NAME)
public class BillingConflictsView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String GRID_ID = "billing-conflicts-grid";
    public static final String EMPTY_ID = "billing-conflicts-empty";

    public BillingConflictsView(BillingConflicts conflicts) {
        Grid<BillingConflict> grid = new Grid<>();
        grid.setId(GRID_ID);
        grid.addColumn(BillingConflict::address).setHeader(getTranslation("billing.conflicts.address"));
        grid.addColumn(c -> EnumLabels.of(c.protocol())).setHeader(getTranslation("billing.conflicts.protocol"));
        grid.addColumn(c -> EnumLabels.of(c.billingMode())).setHeader(getTranslation("billing.conflicts.mode"));
        grid.addColumn(BillingConflict::buildingCode).setHeader(getTranslation("billing.conflicts.building"));
        grid.addColumn(BillingConflict::room).setHeader(getTranslation("billing.conflicts.room"));
        grid.addColumn(BillingConflict::householdName).setHeader(getTranslation("billing.conflicts.household"));
        var rows = conflicts.list();
        grid.setItems(rows);
        Paragraph explanation = new Paragraph(getTranslation("billing.conflicts.explanation"));
        Paragraph empty = new Paragraph(getTranslation("billing.conflicts.none"));
        empty.setId(EMPTY_ID);
        empty.setVisible(rows.isEmpty());
        grid.setVisible(!rows.isEmpty());
        add(explanation, empty, grid);
    }

    @Override
    public String pageTitleKey() {
        return "nav.billing.conflicts";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
