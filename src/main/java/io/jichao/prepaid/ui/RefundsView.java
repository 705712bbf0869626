package io.jichao.prepaid.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RefundDraft;
import io.jichao.prepaid.RefundService;
import io.jichao.prepaid.RefundView;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Refunds after delivery (R2, R5): clerks find an order and request a refund; finance sees the
 * pending requests of its district and approves or rejects them; both see the recent requests.
 * Thin over {@link RefundService}, which checks permissions, district and four-eyes.
 */
@Route("prepaid/refunds")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.RECHARGE_CLERK_NAME, Role.FINANCE_NAME})
public class RefundsView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String PENDING_ID = "refund-pending";
    public static final String RECENT_ID = "refund-recent";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient RefundService refunds;
    private final Grid<RefundView> pending = requestGrid(PENDING_ID);
    private final Grid<RefundView> recent = requestGrid(RECENT_ID);
    private final RefundRequestForm requestForm = new RefundRequestForm();
    private final RefundDecisionForm decisionForm = new RefundDecisionForm();
    private final boolean finance;

    public RefundsView(RefundService refunds, CurrentOperator currentOperator) {
        this.refunds = refunds;
        OperatorContext operator = currentOperator.get();
        finance = operator.has(Permission.FINANCE);
        if (operator.has(Permission.RECHARGE)) {
            requestForm.addSearchListener(event -> requestForm.showOrders(refunds.findOrders(event.query())));
            requestForm.addPickedListener(event -> pick(event.order()));
            requestForm.addRequestListener(event -> request(event.draft()));
            add(requestForm);
        }
        if (finance) {
            pending.asSingleSelect().addValueChangeListener(event -> decisionForm.show(event.getValue()));
            decisionForm.addDecisionListener(event -> decide(event.requestId(), event.approved(), event.comment()));
            add(new H3(getTranslation("refunds.pending.title")), pending, decisionForm);
        }
        recent.addColumn(r -> r.decidedBy() == null ? "" : r.decidedBy())
                .setHeader(getTranslation("refunds.request.decided.by")).setAutoWidth(true);
        recent.addColumn(r -> r.decisionComment() == null ? "" : r.decisionComment())
                .setHeader(getTranslation("refunds.request.comment")).setAutoWidth(true);
        add(new H3(getTranslation("refunds.recent.title")), recent);
        refresh();
    }

    private void pick(RechargeOrderView order) {
        try {
            requestForm.choose(order, refunds.refundableOf(order.id()));
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private void request(RefundDraft draft) {
        try {
            RefundView filed = refunds.request(draft);
            requestForm.done();
            Notifications.success("refunds.requested", String.valueOf(filed.id()));
            refresh();
        } catch (DomainException refused) {
            if (!requestForm.showRefusal(refused)) {
                Notifications.error(refused);
            }
        }
    }

    private void decide(long requestId, boolean approved, String comment) {
        try {
            RefundView decided = approved ? refunds.approve(requestId, comment) : refunds.reject(requestId, comment);
            Notifications.success(approved ? "refunds.approved" : "refunds.rejected", String.valueOf(decided.id()));
            refresh();
        } catch (DomainException refused) {
            decisionForm.showRefusal(Notifications.message(refused));
        }
    }

    private void refresh() {
        if (finance) {
            pending.setItems(refunds.pending());
            decisionForm.show(null);
        }
        recent.setItems(refunds.recent());
    }

    private Grid<RefundView> requestGrid(String id) {
        Grid<RefundView> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("14em");
        grid.addColumn(RefundView::id).setHeader(getTranslation("refunds.request.id")).setAutoWidth(true);
        grid.addColumn(RefundView::orderId).setHeader(getTranslation("refunds.order.id")).setAutoWidth(true);
        grid.addColumn(RefundView::meterAddress).setHeader(getTranslation("refunds.order.meter")).setAutoWidth(true);
        grid.addColumn(r -> r.orderAmount().toString()).setHeader(getTranslation("refunds.order.amount"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.amount().toString()).setHeader(getTranslation("refunds.request.amount")).setAutoWidth(true);
        grid.addColumn(r -> r.kwh().toString()).setHeader(getTranslation("refunds.request.kwh")).setAutoWidth(true);
        grid.addColumn(RefundView::reason).setHeader(getTranslation("refunds.request.reason")).setAutoWidth(true);
        grid.addColumn(RefundView::requestedBy).setHeader(getTranslation("refunds.request.by")).setAutoWidth(true);
        grid.addColumn(r -> TIME.format(r.requestedAt())).setHeader(getTranslation("refunds.request.at"))
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation("refunds.state." + r.state().name()))
                .setHeader(getTranslation("refunds.request.state")).setAutoWidth(true);
        return grid;
    }

    @Override
    public String pageTitleKey() {
        return "refunds.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
