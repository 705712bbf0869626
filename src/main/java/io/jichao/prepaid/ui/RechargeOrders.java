package io.jichao.prepaid.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;

import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeState;
import io.jichao.shared.TimeConfiguration;

/**
 * The recent orders of the chosen meter with their delivery state, newest first. A CREATED order
 * can be cancelled ({@link CancelEvent}); the receipt links follow the selected order.
 */
public class RechargeOrders extends Composite<VerticalLayout> {

    public static final String GRID_ID = "recharge-orders";
    public static final String CANCEL_ID = "recharge-cancel";
    static final int RECENT = 10;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeConfiguration.DISPLAY_ZONE);

    private final Grid<RechargeOrderView> grid = new Grid<>();
    private final Button cancel = new Button();
    private final ReceiptLinks receipts;

    public RechargeOrders(ReceiptLinks receipts) {
        this.receipts = receipts;
        grid.setId(GRID_ID);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("16em");
        grid.addColumn(RechargeOrderView::id).setHeader(getTranslation("recharge.order.number")).setAutoWidth(true);
        grid.addColumn(order -> TIME.format(order.createdAt())).setHeader(getTranslation("recharge.order.time"))
                .setAutoWidth(true);
        grid.addColumn(order -> order.amount().toString()).setHeader(getTranslation("recharge.order.amount"))
                .setAutoWidth(true);
        grid.addColumn(order -> order.kwh().toString()).setHeader(getTranslation("recharge.order.kwh"))
                .setAutoWidth(true);
        grid.addColumn(order -> getTranslation("recharge.method." + order.payment().method().name()))
                .setHeader(getTranslation("recharge.method")).setAutoWidth(true);
        grid.addColumn(order -> getTranslation("recharge.state." + order.state().name())).setKey("state")
                .setHeader(getTranslation("recharge.order.state")).setAutoWidth(true);
        grid.addSelectionListener(event -> updateActions());
        cancel.setId(CANCEL_ID);
        cancel.setText(getTranslation("recharge.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(click -> selected().ifPresent(order -> fireEvent(new CancelEvent(this, order))));
        getContent().setPadding(false);
        getContent().add(grid, new HorizontalLayout(cancel, receipts.print(), receipts.download()));
        updateActions();
    }

    /** Shows the newest orders (given oldest first), keeping the selection where it still exists. */
    public void show(List<RechargeOrderView> oldestFirst, Long selectId) {
        Long keep = selectId != null ? selectId : selected().map(RechargeOrderView::id).orElse(null);
        List<RechargeOrderView> newest = oldestFirst.reversed().stream().limit(RECENT).toList();
        grid.setItems(newest);
        newest.stream().filter(order -> keep != null && order.id() == keep).findFirst().ifPresent(grid::select);
        updateActions();
    }

    public Optional<RechargeOrderView> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void updateActions() {
        Optional<RechargeOrderView> order = selected();
        // An emergency credit is not cancelled: the next paid recharge repays it.
        cancel.setEnabled(order.map(o -> o.state() == RechargeState.CREATED && !o.isEmergencyCredit()).orElse(false));
        receipts.order(order.map(RechargeOrderView::id).orElse(null));
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** The clerk asked to cancel an order that has not been sent to the meter yet. */
    public static class CancelEvent extends ComponentEvent<RechargeOrders> {

        private final RechargeOrderView order;

        public CancelEvent(RechargeOrders source, RechargeOrderView order) {
            super(source, false);
            this.order = order;
        }

        public RechargeOrderView order() {
            return order;
        }
    }
}
