package io.jichao.prepaid.ui;

import java.util.UUID;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;

import io.jichao.prepaid.Payment;
import io.jichao.prepaid.PaymentMethod;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * Amount (money or kWh) with a live preview at the price in force, and the payment. It checks what
 * was typed and fires a {@link ConfirmEvent} with a complete request; it never places an order.
 *
 * <p>The idempotency key belongs to one intended recharge: made when the form is filled for a
 * meter, kept for every repeat of that recharge, renewed by {@link #startNext()} after a success.
 */
public class RechargeForm extends Composite<FormLayout> {

    public static final String UNIT_ID = "recharge-unit";
    public static final String AMOUNT_ID = "recharge-amount";
    public static final String PREVIEW_ID = "recharge-preview";
    public static final String METHOD_ID = "recharge-method";
    public static final String REFERENCE_ID = "recharge-reference";
    public static final String CONFIRM_ID = "recharge-confirm";

    /** What the amount field holds. */
    public enum Unit { MONEY, KWH }

    private final Money maxMoney;
    private final Kwh maxKwh;
    private final RadioButtonGroup<Unit> unit = new RadioButtonGroup<>();
    private final TextField amount = new TextField();
    private final Span preview = new Span();
    private final Select<PaymentMethod> method = new Select<>();
    private final TextField reference = new TextField();
    private final Button confirm = new Button();
    private Long meterId;
    private PricePerKwh price;
    private Kwh owedEmergency = Kwh.ZERO;
    private String idempotencyKey = newKey();

    public RechargeForm(Money maxMoney, Kwh maxKwh) {
        this.maxMoney = maxMoney;
        this.maxKwh = maxKwh;
        unit.setId(UNIT_ID);
        unit.setItems(Unit.values());
        unit.setItemLabelGenerator(u -> getTranslation("recharge.unit." + u.name()));
        unit.setValue(Unit.MONEY);
        unit.addValueChangeListener(event -> updatePreview());
        amount.setId(AMOUNT_ID);
        amount.setLabel(getTranslation("recharge.amount"));
        amount.setValueChangeMode(ValueChangeMode.EAGER);
        amount.addValueChangeListener(event -> updatePreview());
        preview.setId(PREVIEW_ID);
        method.setId(METHOD_ID);
        method.setLabel(getTranslation("recharge.method"));
        method.setItems(PaymentMethod.PAID);
        method.setItemLabelGenerator(m -> getTranslation("recharge.method." + m.name()));
        method.setValue(PaymentMethod.CASH);
        method.addValueChangeListener(event -> updateReference());
        reference.setId(REFERENCE_ID);
        reference.setLabel(getTranslation("recharge.reference"));
        reference.setMaxLength(Payment.MAX_REFERENCE);
        confirm.setId(CONFIRM_ID);
        confirm.setText(getTranslation("recharge.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> submit());
        getContent().add(unit, amount, preview, method, reference, confirm);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        updateReference();
        forMeter(null, null);
    }

    /** Fills the form for another meter (or none): a new recharge with a new key. */
    public void forMeter(Long newMeterId, PricePerKwh priceInForce) {
        meterId = newMeterId;
        price = priceInForce;
        owedEmergency = Kwh.ZERO;
        getContent().setEnabled(newMeterId != null && priceInForce != null);
        startNext();
    }

    /**
     * Host-side prepaid: the household buys money into its account, not energy for the meter, so the
     * amount is in yuan only.
     */
    public void moneyOnly(boolean only) {
        if (only) {
            unit.setValue(Unit.MONEY);
        }
        unit.setEnabled(!only);
    }

    /** The emergency credit the household owes: the preview shows how much of a purchase repays it. */
    public void owedEmergency(Kwh owed) {
        owedEmergency = owed == null ? Kwh.ZERO : owed;
        updatePreview();
    }

    /** Clears the amount and makes a new key, after a recharge was placed. */
    public void startNext() {
        idempotencyKey = newKey();
        amount.clear();
        amount.setInvalid(false);
        reference.clear();
        reference.setInvalid(false);
        updatePreview();
    }

    private void submit() {
        RechargeAmount typed = parse();
        if (typed == null || meterId == null) {
            return;
        }
        Payment payment;
        try {
            payment = payment();
        } catch (DomainException refused) {
            reference.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
            reference.setInvalid(true);
            return;
        }
        reference.setInvalid(false);
        fireEvent(new ConfirmEvent(this, new RechargeRequest(meterId, typed, payment, idempotencyKey)));
    }

    private Payment payment() {
        PaymentMethod chosen = method.getValue();
        if (chosen == PaymentMethod.TRANSFER && reference.getValue().isBlank()) {
            // A transfer is reconciled by its reference just like an online payment.
            throw new DomainException("error.recharge.reference.required");
        }
        return new Payment(chosen, chosen == PaymentMethod.CASH || chosen == PaymentMethod.BANK_CARD
                ? null : reference.getValue());
    }

    /** The typed amount, or null after showing why it is refused. */
    private RechargeAmount parse() {
        try {
            RechargeAmount typed = unit.getValue() == Unit.KWH
                    ? RechargeAmount.of(Kwh.parse(amount.getValue(), maxKwh))
                    : RechargeAmount.of(Money.parse(amount.getValue(), maxMoney));
            amount.setInvalid(false);
            return typed;
        } catch (DomainException refused) {
            amount.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
            amount.setInvalid(true);
            return null;
        }
    }

    private void updatePreview() {
        if (price == null || amount.getValue().isBlank()) {
            preview.setText("");
            return;
        }
        RechargeAmount typed = parse();
        if (typed == null) {
            preview.setText("");
            return;
        }
        Kwh purchased = switch (typed) {
            case RechargeAmount.OfMoney(Money money) -> price.energyFor(money);
            case RechargeAmount.OfEnergy(Kwh kwh) -> kwh;
        };
        String text = switch (typed) {
            case RechargeAmount.OfMoney(Money money) -> getTranslation("recharge.preview.kwh", purchased, price);
            case RechargeAmount.OfEnergy(Kwh kwh) -> getTranslation("recharge.preview.money", price.costOf(kwh), price);
        };
        if (owedEmergency.isPositive()) {
            // The same rule as RechargeService: the owed credit comes off the purchase first, never below zero.
            Kwh repaid = owedEmergency.compareTo(purchased) < 0 ? owedEmergency : purchased;
            text += " " + getTranslation("recharge.preview.repayment", repaid, purchased.minus(repaid));
        }
        preview.setText(text);
    }

    private void updateReference() {
        PaymentMethod chosen = method.getValue();
        reference.setVisible(chosen == PaymentMethod.ONLINE || chosen == PaymentMethod.TRANSFER);
        reference.setRequiredIndicatorVisible(reference.isVisible());
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    public Registration addConfirmListener(ComponentEventListener<ConfirmEvent> listener) {
        return addListener(ConfirmEvent.class, listener);
    }

    /** The clerk asked to place this recharge; the view confirms it and places it. */
    public static class ConfirmEvent extends ComponentEvent<RechargeForm> {

        private final RechargeRequest request;

        public ConfirmEvent(RechargeForm source, RechargeRequest request) {
            super(source, false);
            this.request = request;
        }

        public RechargeRequest request() {
            return request;
        }
    }
}
