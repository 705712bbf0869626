package io.jichao.prepaid.ui;

import java.util.List;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;

/**
 * Finds meters by address (district-scoped by {@link MeterService}) and fires {@link AssignEvent}
 * for the one picked.
 */
public class TariffMeterAssignForm extends VerticalLayout {

    public static final String SEARCH_ID = "tariff-meter-search";
    public static final String FIND_ID = "tariff-meter-find";
    public static final String RESULTS_ID = "tariff-meter-results";
    public static final String ASSIGN_ID = "tariff-meter-assign";
    static final int MAX_RESULTS = 20;

    /** A meter to be put into the selected group. */
    public static final class AssignEvent extends ComponentEvent<TariffMeterAssignForm> {
        private final transient MeterRow meter;

        AssignEvent(TariffMeterAssignForm source, MeterRow meter) {
            super(source, false);
            this.meter = meter;
        }

        public MeterRow meter() { return meter; }
    }

    private final transient MeterService meters;
    private final TextField search = new TextField();
    private final Grid<MeterRow> results = new Grid<>();

    public TariffMeterAssignForm(MeterService meters) {
        this.meters = meters;
        setPadding(false);
        search.setId(SEARCH_ID);
        search.setLabel(getTranslation("tariffs.meters.search"));
        Button find = new Button(getTranslation("tariffs.meters.find"), e -> find());
        find.setId(FIND_ID);
        results.setId(RESULTS_ID);
        results.addThemeVariants(GridVariant.LUMO_COMPACT);
        results.setAllRowsVisible(true);
        results.addColumn(MeterRow::displayAddress).setHeader(getTranslation("tariffs.meters.address")).setAutoWidth(true);
        results.addColumn(MeterRow::buildingName).setHeader(getTranslation("tariffs.meters.building")).setAutoWidth(true);
        results.addColumn(MeterRow::room).setHeader(getTranslation("tariffs.meters.room")).setAutoWidth(true);
        results.addColumn(MeterRow::householdName).setHeader(getTranslation("tariffs.meters.household"))
                .setFlexGrow(1);
        Button assign = new Button(getTranslation("tariffs.meters.assign"), e ->
                results.asSingleSelect().getOptionalValue().ifPresent(m -> fireEvent(new AssignEvent(this, m))));
        assign.setId(ASSIGN_ID);
        HorizontalLayout controls = new HorizontalLayout(search, find, assign);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(controls, results);
    }

    public Registration addAssignListener(ComponentEventListener<AssignEvent> listener) {
        return addListener(AssignEvent.class, listener);
    }

    private void find() {
        String text = search.getValue().strip();
        results.setItems(text.isEmpty() ? List.of()
                : meters.page(MeterFilter.none().withText(text), 0, MAX_RESULTS, List.of()));
    }
}
