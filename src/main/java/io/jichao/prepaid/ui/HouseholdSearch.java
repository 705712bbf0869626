package io.jichao.prepaid.ui;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.archive.MeterState;

/**
 * Finds the prepaid meters with a household by room, name, meter address or phone, inside the
 * operator's district (the meter service scopes every query), and fires a {@link PickedEvent}.
 */
public class HouseholdSearch extends Composite<VerticalLayout> {

    public static final String TEXT_ID = "recharge-search";
    public static final String GRID_ID = "recharge-search-grid";
    static final int MAX_HITS = 50;
    /** Households that buy credit in advance: meter-side and host-side prepaid. */
    private static final List<MeterFilter> PREPAID_ACTIVE = List.of(
            MeterFilter.none().withBillingMode(BillingMode.PREPAID).withState(MeterState.ACTIVE),
            MeterFilter.none().withBillingMode(BillingMode.HOST_PREPAID).withState(MeterState.ACTIVE));

    private final transient MeterService meters;
    private final TextField text = new TextField();
    private final Grid<MeterRow> grid = new Grid<>();

    public HouseholdSearch(MeterService meters) {
        this.meters = meters;
        text.setId(TEXT_ID);
        text.setPlaceholder(getTranslation("recharge.search.placeholder"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setWidth("28em");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(event -> search(event.getValue()));

        grid.setId(GRID_ID);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("14em");
        grid.addColumn(MeterRow::room).setHeader(getTranslation("meter.field.room")).setAutoWidth(true);
        grid.addColumn(MeterRow::householdName).setHeader(getTranslation("meter.field.household")).setAutoWidth(true);
        grid.addColumn(MeterRow::displayAddress).setHeader(getTranslation("meter.field.address")).setAutoWidth(true);
        grid.addColumn(row -> row.buildingCode() + " " + row.buildingName())
                .setHeader(getTranslation("meter.field.building")).setAutoWidth(true);
        grid.addSelectionListener(event -> event.getFirstSelectedItem()
                .ifPresent(row -> fireEvent(new PickedEvent(this, row))));
        grid.setItems(List.of());

        getContent().setPadding(false);
        getContent().add(text, grid);
    }

    private void search(String value) {
        String wanted = value == null ? "" : value.strip();
        if (wanted.isEmpty()) {
            grid.setItems(List.of());
            return;
        }
        grid.setItems(PREPAID_ACTIVE.stream()
                .flatMap(filter -> meters.page(filter.withText(wanted), 0, MAX_HITS, List.of(MeterSort.byAddress())).stream())
                .filter(row -> row.householdName() != null)
                .sorted(Comparator.comparing(MeterRow::displayAddress)).limit(MAX_HITS).toList());
    }

    public Registration addPickedListener(ComponentEventListener<PickedEvent> listener) {
        return addListener(PickedEvent.class, listener);
    }

    /** The clerk chose the meter of a household. */
    public static class PickedEvent extends ComponentEvent<HouseholdSearch> {

        private final MeterRow meter;

        public PickedEvent(HouseholdSearch source, MeterRow meter) {
            super(source, false);
            this.meter = meter;
        }

        public MeterRow meter() {
            return meter;
        }
    }
}
