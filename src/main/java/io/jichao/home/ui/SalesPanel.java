package io.jichao.home.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.jichao.home.HomeSnapshot.OfficeSales;
import io.jichao.shared.Money;

/** Today's and this month's net sales per property office (finance and clerks). */
final class SalesPanel extends VerticalLayout {

    private final Grid<OfficeSales> rows = new Grid<>();

    SalesPanel() {
        setId(HomeView.SALES_ID);
        setPadding(false);
        rows.setId(HomeView.SALES_ID + "-rows");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        rows.setAllRowsVisible(true);
        rows.addColumn(r -> r.office() == null ? getTranslation("sales.office.none") : r.office())
                .setHeader(getTranslation("sales.col.office")).setAutoWidth(true);
        rows.addColumn(r -> yuan(r.today())).setHeader(getTranslation("home.sales.today")).setAutoWidth(true);
        rows.addColumn(r -> yuan(r.month())).setHeader(getTranslation("home.sales.month")).setAutoWidth(true);
        add(new H3(getTranslation("home.sales.title")), rows);
    }

    void show(List<OfficeSales> sales) {
        rows.setItems(sales);
    }

    List<OfficeSales> shown() {
        return rows.getGenericDataView().getItems().toList();
    }

    private static String yuan(Money money) {
        return money.yuan().toPlainString();
    }
}
