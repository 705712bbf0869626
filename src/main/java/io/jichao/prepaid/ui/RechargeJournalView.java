package io.jichao.prepaid.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.prepaid.RechargeJournalService;
import io.jichao.prepaid.RechargeJournalService.Filter;
import io.jichao.prepaid.RechargeJournalService.JournalOrder;
import io.jichao.prepaid.RechargeJournalService.StateFilter;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.ReceiptService;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * The clerks' recharge journal: the district's orders of a Shanghai day (or of any day) in a state,
 * newest first, paged lazily from {@link RechargeJournalService}. The selected order can be cancelled
 * while CREATED (through {@link RechargeService#cancel}, audited there) and its receipt re-opened.
 * The page pushes nothing: it reads again when attached and on "refresh". There is no "retry now":
 * the delivery port offers no such call, the engine retries FAILED_RETRYING orders itself.
 */
@Route("prepaid/journal")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.RECHARGE_CLERK_NAME})
public class RechargeJournalView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String DAY_ID = "journal-day";
    public static final String STATE_ID = "journal-state";
    public static final String GRID_ID = "journal-orders";
    public static final String REFRESH_ID = "journal-refresh";
    public static final String CANCEL_ID = "journal-cancel";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient RechargeJournalService journal;
    private final transient RechargeService recharges;
    private final DatePicker day = new DatePicker();
    private final Select<StateFilter> state = new Select<>();
    private final Grid<JournalOrder> grid = new Grid<>();
    private final Button cancel = new Button();
    private final ReceiptLinks receipts;

    public RechargeJournalView(RechargeJournalService journal, RechargeService recharges, ReceiptService receiptService,
                               Clock clock) {
        this.journal = journal;
        this.recharges = recharges;
        this.receipts = new ReceiptLinks(receiptService);
        setSizeFull();

        day.setId(DAY_ID);
        day.setLabel(getTranslation("journal.day"));
        day.setClearButtonVisible(true);
        day.setHelperText(getTranslation("journal.day.any"));
        day.setValue(LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)));
        state.setId(STATE_ID);
        state.setLabel(getTranslation("journal.state"));
        state.setItems(StateFilter.values());
        state.setItemLabelGenerator(s -> getTranslation("journal.state." + s.name()));
        state.setValue(StateFilter.ALL);
        day.addValueChangeListener(e -> refresh());
        state.addValueChangeListener(e -> refresh());
        Button refresh = new Button(getTranslation("journal.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId(REFRESH_ID);
        HorizontalLayout filters = new HorizontalLayout(day, state, refresh);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId(GRID_ID);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(JournalOrder::id).setHeader(getTranslation("journal.col.order")).setAutoWidth(true);
        grid.addColumn(o -> TIME.format(o.createdAt())).setHeader(getTranslation("journal.col.created")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("recharge.state." + o.state().name()))
                .setHeader(getTranslation("journal.col.state")).setAutoWidth(true);
        grid.addColumn(o -> o.building() + " " + o.room() + " " + o.householdName())
                .setHeader(getTranslation("journal.col.household")).setAutoWidth(true);
        grid.addColumn(JournalOrder::meterAddress).setHeader(getTranslation("journal.col.meter")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("journal.mode." + o.billingMode().name()))
                .setHeader(getTranslation("journal.col.mode")).setAutoWidth(true);
        grid.addColumn(o -> o.amount().toString()).setHeader(getTranslation("journal.col.amount")).setAutoWidth(true);
        grid.addColumn(o -> o.kwh().toString()).setHeader(getTranslation("journal.col.kwh")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("recharge.method." + o.method().name())
                        + (o.reference() == null ? "" : " " + o.reference()))
                .setHeader(getTranslation("journal.col.payment")).setAutoWidth(true);
        grid.addColumn(JournalOrder::clerkName).setHeader(getTranslation("journal.col.clerk")).setAutoWidth(true);
        grid.addColumn(o -> TIME.format(o.stateChangedAt())).setHeader(getTranslation("journal.col.changed"))
                .setAutoWidth(true);
        grid.addColumn(o -> o.lastFailure() == null ? "" : o.attempts() + " · " + o.lastFailure())
                .setHeader(getTranslation("journal.col.failure")).setFlexGrow(1);
        grid.setItems(query -> journal.page(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> journal.count(filter()));
        grid.addSelectionListener(e -> selected(e.getFirstSelectedItem()));

        cancel.setId(CANCEL_ID);
        cancel.setText(getTranslation("recharge.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> grid.getSelectedItems().stream().findFirst().ifPresent(this::cancel));
        selected(Optional.empty());
        add(filters, grid, new HorizontalLayout(cancel, receipts.print(), receipts.download()));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
    }

    /** The filter as the grid reads it; a refusal of the service shows as a notification. */
    private Filter filter() {
        return new Filter(day.getValue(), state.getValue());
    }

    private void refresh() {
        try {
            journal.count(filter());
            grid.getDataProvider().refreshAll();
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
        grid.deselectAll();
        selected(Optional.empty());
    }

    private void selected(Optional<JournalOrder> order) {
        cancel.setEnabled(order.map(JournalOrder::cancellable).orElse(false));
        receipts.order(order.map(JournalOrder::id).orElse(null));
    }

    private void cancel(JournalOrder order) {
        try {
            recharges.cancel(order.id());
            Notifications.success("recharge.cancelled", String.valueOf(order.id()));
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
        refresh();
    }

    @Override
    public String pageTitleKey() {
        return "journal.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
