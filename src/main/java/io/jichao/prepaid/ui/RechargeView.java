package io.jichao.prepaid.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.prepaid.AccountBalance;
import io.jichao.prepaid.AccountService;
import io.jichao.prepaid.EmergencyCreditService;
import io.jichao.prepaid.EmergencyCreditStatus;
import io.jichao.prepaid.PrepaidProperties;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeOrderEvents;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.ReceiptService;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * The recharge workflow (R4) for clerks: search, pick a household (which asks the engine to read the
 * meter ahead of the recharge, see {@link RechargeService#prepareRecharge}), type the amount, confirm, then
 * follow the order's delivery (pushed: each state the engine reports reaches the open page through
 * {@link RechargeOrderEvents} and {@code UI.access}, no polling) and print the
 * receipt. A prepaid household's emergency credit is shown and can be granted (with confirmation);
 * while it is owed, the form's preview shows what a purchase repays. Everything goes through the services, which check the permission and the district.
 */
@Route("recharge")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.RECHARGE_CLERK_NAME})
public class RechargeView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String HOUSEHOLD_ID = "recharge-household";
    public static final String BALANCE_ID = "recharge-balance";
    public static final String STATE_ID = "recharge-state";
    /** Why the picked meter cannot be recharged; empty when it can. */
    public static final String REFUSAL_ID = "recharge-refusal";

    private final transient RechargeService recharges;
    private final transient AccountService accounts;
    private final transient EmergencyCreditService emergency;
    private final transient RechargeOrderEvents orderEvents;
    private final EmergencyCreditPanel emergencyPanel = new EmergencyCreditPanel();
    private final RechargeForm form;
    private final RechargeOrders orders;
    private final Span household = new Span();
    private final Span balance = new Span();
    private final Span state = new Span();
    private final Span refusal = new Span();
    private MeterRow meter;
    private Long lastOrderId;
    private RechargeOrderEvents.Subscription following;

    public RechargeView(MeterService meters, RechargeService recharges, AccountService accounts,
                        ReceiptService receipts, PrepaidProperties limits, EmergencyCreditService emergency,
                        RechargeOrderEvents orderEvents) {
        this.orderEvents = orderEvents;
        this.recharges = recharges;
        this.accounts = accounts;
        this.emergency = emergency;
        emergencyPanel.addGrantListener(event -> confirmGrant(event));
        HouseholdSearch search = new HouseholdSearch(meters);
        search.addPickedListener(event -> pick(event.meter()));
        form = new RechargeForm(limits.maxRecharge(), limits.maxRechargeEnergy());
        form.addConfirmListener(event -> confirm(event.request()));
        orders = new RechargeOrders(new ReceiptLinks(receipts));
        orders.addCancelListener(event -> cancel(event.order()));
        household.setId(HOUSEHOLD_ID);
        balance.setId(BALANCE_ID);
        state.setId(STATE_ID);
        refusal.setId(REFUSAL_ID);
        refusal.getStyle().set("color", "var(--lumo-error-text-color)");
        VerticalLayout chosen = new VerticalLayout(household, refusal, balance, emergencyPanel, form);
        chosen.setPadding(false);
        chosen.setWidth("24em");
        VerticalLayout history = new VerticalLayout(new H3(getTranslation("recharge.orders")), state, orders);
        history.setPadding(false);
        add(search, new HorizontalLayout(chosen, history));
        addAttachListener(event -> follow(event.getUI()));
        addDetachListener(event -> unfollow());
    }

    private void pick(MeterRow picked) {
        meter = picked;
        lastOrderId = null;
        state.setText("");
        household.setText(getTranslation("recharge.household.line", picked.householdName(), picked.room(),
                picked.displayAddress()));
        PricePerKwh price = null;
        refusal.setText("");
        try {
            price = recharges.priceFor(picked.id());
            // While the clerk types the amount, the engine (if any) reads the meter's remaining energy.
            recharges.prepareRecharge(picked.id());
        } catch (DomainException refused) {
            // Shown beside the household and kept there: the form stays disabled, so no order can exist.
            refusal.setText(Notifications.message(refused));
            Notifications.error(refused);
        }
        form.forMeter(price == null ? null : picked.id(), price);
        form.moneyOnly(picked.billingMode() == BillingMode.HOST_PREPAID);
        emergencyPanel.show(null, null);
        getUI().ifPresent(this::follow);
        refresh();
    }

    private void confirm(RechargeRequest request) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("recharge.confirm.title"));
        dialog.setText(getTranslation("recharge.confirm.text", meter.householdName(), meter.room(),
                amountText(request.amount()), getTranslation("recharge.method." + request.payment().method().name())));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("recharge.confirm"));
        // The request, key included, is fixed when the dialog opens: every repeat of this confirm is the same recharge.
        dialog.addConfirmListener(event -> place(request));
        dialog.open();
    }

    private void place(RechargeRequest request) {
        RechargeOrderView placed;
        try {
            placed = recharges.placeOrder(request);
        } catch (DomainException refused) {
            Notifications.error(refused);
            if ("error.recharge.key.reused".equals(refused.messageKey())) {
                form.startNext();
            }
            return;
        }
        if (request.idempotencyKey().equals(form.idempotencyKey())) {
            form.startNext();
        }
        lastOrderId = placed.id();
        Notifications.success("recharge.placed", String.valueOf(placed.id()));
        refresh();
    }

    private void cancel(RechargeOrderView order) {
        try {
            recharges.cancel(order.id());
            Notifications.success("recharge.cancelled", String.valueOf(order.id()));
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
        refresh();
    }

    private void confirmGrant(EmergencyCreditPanel.GrantEvent grant) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("emergency.confirm.title"));
        dialog.setText(getTranslation("emergency.confirm.text", meter.householdName(), meter.room(), grant.credit()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("emergency.grant"));
        // Meter and key are fixed when the dialog opens: every repeat of this confirm is the same grant.
        dialog.addConfirmListener(event -> grant(grant.meterId(), grant.idempotencyKey()));
        dialog.open();
    }

    private void grant(long meterId, String key) {
        RechargeOrderView granted;
        try {
            granted = emergency.take(meterId, key);
        } catch (DomainException refused) {
            Notifications.error(refused);
            refresh();
            return;
        }
        emergencyPanel.startNext();
        lastOrderId = granted.id();
        Notifications.success("emergency.granted", String.valueOf(granted.id()), granted.kwh());
        refresh();
    }

    /** Reloads balance, emergency credit and orders; also what every pushed order change does. */
    void refresh() {
        if (meter == null) {
            return;
        }
        AccountBalance now = accounts.balanceOfMeter(meter.id());
        balance.setText(meter.billingMode() == BillingMode.HOST_PREPAID
                ? getTranslation("recharge.host.balance", now.money())
                : getTranslation("recharge.balance", now.money(), now.energy()));
        EmergencyCreditStatus credit = emergencyStatus();
        emergencyPanel.show(meter.id(), credit);
        form.owedEmergency(credit == null ? null : credit.owed());
        List<RechargeOrderView> list = recharges.ordersOf(meter.id());
        orders.show(list, lastOrderId);
        list.stream().filter(order -> lastOrderId != null && order.id() == lastOrderId).findFirst()
                .ifPresent(order -> state.setText(getTranslation("recharge.order.current", String.valueOf(order.id()),
                        getTranslation("recharge.state." + order.state().name()))));
    }

    /** Null when the meter cannot have one (post-paid, no household, removed): the panel is hidden then. */
    private EmergencyCreditStatus emergencyStatus() {
        if (meter.billingMode() != BillingMode.PREPAID) {
            return null;
        }
        try {
            return emergency.status(meter.id());
        } catch (DomainException cannot) {
            return null;
        }
    }

    private String amountText(RechargeAmount amount) {
        return switch (amount) {
            case RechargeAmount.OfMoney(var money) -> money + " " + getTranslation("receipt.yuan");
            case RechargeAmount.OfEnergy(var kwh) -> kwh + " kWh";
        };
    }

    /** Follows the chosen meter's orders: each change the engine reports is pushed to this page. */
    private void follow(UI ui) {
        unfollow();
        if (meter == null) {
            return;
        }
        try {
            following = orderEvents.subscribe(meter.id(), change -> ui.access(this::pushed));
        } catch (DomainException gone) {
            Notifications.error(gone);
        }
    }

    private void pushed() {
        try {
            refresh();
        } catch (DomainException gone) {
            // E.g. the meter was removed or left the district meanwhile: say so once, stop following it.
            meter = null;
            unfollow();
            form.forMeter(null, null);
            Notifications.error(gone);
        }
    }

    private void unfollow() {
        if (following != null) {
            following.close();
            following = null;
        }
    }

    @Override
    public String pageTitleKey() {
        return "nav.recharge";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
