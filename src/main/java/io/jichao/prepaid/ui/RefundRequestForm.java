package io.jichao.prepaid.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RefundDraft;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;

/**
 * The clerk's side of a refund: find orders (the view does the looking up), pick one, type money,
 * kWh and reason. Fires {@link SearchEvent}, {@link PickedEvent} and {@link RequestEvent}; it never
 * files a request itself. The idempotency key is made when an order is picked, so every repeat of
 * one submit is the same request.
 */
public class RefundRequestForm extends VerticalLayout {

    public static final String SEARCH_ID = "refund-search";
    public static final String FIND_ID = "refund-find";
    public static final String ORDERS_ID = "refund-orders";
    public static final String CHOSEN_ID = "refund-chosen";
    public static final String AMOUNT_ID = "refund-amount";
    public static final String KWH_ID = "refund-kwh";
    public static final String REASON_ID = "refund-reason";
    public static final String SUBMIT_ID = "refund-submit";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final TextField search = new TextField();
    private final Grid<RechargeOrderView> orders = new Grid<>();
    private final Span chosen = new Span();
    private final TextField amount = new TextField();
    private final TextField kwh = new TextField();
    private final TextArea reason = new TextArea();
    private final Button submit = new Button();
    private RechargeOrderView order;
    private String idempotencyKey;

    public RefundRequestForm() {
        setPadding(false);
        search.setId(SEARCH_ID);
        search.setPlaceholder(getTranslation("refunds.search"));
        search.setWidth("18em");
        Button find = new Button(getTranslation("refunds.search.button"), event -> fireEvent(
                new SearchEvent(this, search.getValue())));
        find.setId(FIND_ID);
        HorizontalLayout searchRow = new HorizontalLayout(search, find);
        searchRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        orders.setId(ORDERS_ID);
        orders.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        orders.setHeight("14em");
        orders.addColumn(RechargeOrderView::id).setHeader(getTranslation("refunds.order.id")).setAutoWidth(true);
        orders.addColumn(RechargeOrderView::meterId).setHeader(getTranslation("refunds.order.meter")).setAutoWidth(true);
        orders.addColumn(o -> o.amount().toString()).setHeader(getTranslation("refunds.order.amount")).setAutoWidth(true);
        orders.addColumn(o -> o.kwh().toString()).setHeader(getTranslation("refunds.order.kwh")).setAutoWidth(true);
        orders.addColumn(o -> getTranslation("recharge.state." + o.state().name()))
                .setHeader(getTranslation("refunds.order.state")).setAutoWidth(true);
        orders.addColumn(o -> TIME.format(o.createdAt())).setHeader(getTranslation("refunds.order.created"))
                .setAutoWidth(true);
        orders.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null) {
                fireEvent(new PickedEvent(this, event.getValue()));
            }
        });

        chosen.setId(CHOSEN_ID);
        amount.setId(AMOUNT_ID);
        amount.setLabel(getTranslation("refunds.amount"));
        kwh.setId(KWH_ID);
        kwh.setLabel(getTranslation("refunds.kwh"));
        kwh.setHelperText(getTranslation("refunds.kwh.help"));
        reason.setId(REASON_ID);
        reason.setLabel(getTranslation("refunds.reason"));
        reason.setMaxLength(255);
        reason.setWidthFull();
        submit.setId(SUBMIT_ID);
        submit.setText(getTranslation("refunds.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(event -> submit());
        submit.setEnabled(false);
        add(new H3(getTranslation("refunds.request.title")), searchRow, orders, chosen,
                new HorizontalLayout(amount, kwh), reason, submit);
    }

    /** Shows what the search found; an empty list says so. */
    public void showOrders(List<RechargeOrderView> found) {
        orders.setItems(found);
        chosen.setText(found.isEmpty() ? getTranslation("refunds.orders.none") : "");
        order = null;
        submit.setEnabled(false);
    }

    /** The picked order and what of it can still be refunded; a fresh key for a fresh request. */
    public void choose(RechargeOrderView picked, Money refundable) {
        order = picked;
        idempotencyKey = UUID.randomUUID().toString();
        chosen.setText(getTranslation("refunds.order.chosen", String.valueOf(picked.id()), picked.amount(),
                picked.kwh(), refundable));
        amount.setValue(refundable.toString());
        kwh.clear();
        reason.clear();
        clearErrors();
        submit.setEnabled(true);
    }

    /** After a filed request: nothing chosen any more. */
    public void done() {
        order = null;
        idempotencyKey = null;
        orders.deselectAll();
        chosen.setText("");
        amount.clear();
        kwh.clear();
        reason.clear();
        submit.setEnabled(false);
    }

    /** Puts the service's refusal on the field it is about; false when it belongs to none. */
    public boolean showRefusal(DomainException refused) {
        String message = getTranslation(refused.messageKey(), refused.arguments());
        String key = refused.messageKey();
        if (key.equals("error.refund.too.much") || key.equals("error.refund.nothing")) {
            invalid(amount, message);
        } else if (key.equals("error.refund.kwh.too.much")) {
            invalid(kwh, message);
        } else if (key.equals("error.required") || key.equals("error.refund.text.too.long")) {
            invalid(reason, message);
        } else {
            return false;
        }
        return true;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    private void submit() {
        if (order == null) {
            return;
        }
        clearErrors();
        Money money;
        Kwh energy;
        try {
            money = amount.getValue().isBlank() ? Money.ZERO : Money.parse(amount.getValue());
        } catch (DomainException refused) {
            invalid(amount, getTranslation(refused.messageKey(), refused.arguments()));
            return;
        }
        try {
            energy = kwh.getValue().isBlank() ? Kwh.ZERO : Kwh.parse(kwh.getValue());
        } catch (DomainException refused) {
            invalid(kwh, getTranslation(refused.messageKey(), refused.arguments()));
            return;
        }
        fireEvent(new RequestEvent(this, new RefundDraft(order.id(), money, energy, reason.getValue(), idempotencyKey)));
    }

    private void clearErrors() {
        amount.setInvalid(false);
        kwh.setInvalid(false);
        reason.setInvalid(false);
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    public Registration addSearchListener(ComponentEventListener<SearchEvent> listener) {
        return addListener(SearchEvent.class, listener);
    }

    public Registration addPickedListener(ComponentEventListener<PickedEvent> listener) {
        return addListener(PickedEvent.class, listener);
    }

    public Registration addRequestListener(ComponentEventListener<RequestEvent> listener) {
        return addListener(RequestEvent.class, listener);
    }

    /** The clerk asked for the orders of an order number or meter address. */
    public static class SearchEvent extends ComponentEvent<RefundRequestForm> {
        private final String query;

        public SearchEvent(RefundRequestForm source, String query) {
            super(source, false);
            this.query = query;
        }

        public String query() {
            return query;
        }
    }

    /** The clerk picked an order to refund. */
    public static class PickedEvent extends ComponentEvent<RefundRequestForm> {
        private final RechargeOrderView order;

        public PickedEvent(RefundRequestForm source, RechargeOrderView order) {
            super(source, false);
            this.order = order;
        }

        public RechargeOrderView order() {
            return order;
        }
    }

    /** A complete refund request typed by the clerk. */
    public static class RequestEvent extends ComponentEvent<RefundRequestForm> {
        private final RefundDraft draft;

        public RequestEvent(RefundRequestForm source, RefundDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public RefundDraft draft() {
            return draft;
        }
    }
}
