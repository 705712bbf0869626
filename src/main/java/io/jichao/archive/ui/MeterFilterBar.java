package io.jichao.archive.ui;

import java.util.List;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.HasPlaceholder;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterState;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.FloorView;
import io.jichao.archive.SiteStructureService;

/**
 * The filters above the meter grid. Keeps the current {@link MeterFilter} and fires a
 * {@link FilterChangedEvent} whenever a filter changes. Shows active meters at first: removed
 * ones stay in the archive but are rarely what an operator is looking for.
 */
public class MeterFilterBar extends FlexLayout {

    /** Typing pauses this long (ms) before the grid is queried again. */
    static final int TEXT_TIMEOUT_MS = 400;

    private final transient SiteStructureService structure;
    private final ComboBox<BuildingView> building = new ComboBox<>();
    private final ComboBox<FloorView> floor = new ComboBox<>();
    private MeterFilter filter = MeterFilter.none().withState(MeterState.ACTIVE);

    public MeterFilterBar(SiteStructureService structure) {
        this.structure = structure;
        addClassName("jichao-filter-bar");
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(Alignment.BASELINE);

        building.setId(MeterGridView.FILTER_BUILDING_ID);
        label(building, "meter.field.building");
        building.setItems(structure.buildings());
        building.setItemLabelGenerator(BuildingView::label);
        building.setClearButtonVisible(true);
        building.addValueChangeListener(event -> {
            BuildingView chosen = event.getValue();
            floor.clear();
            floor.setItems(chosen == null ? List.of() : structure.floors(chosen.id()));
            floor.setEnabled(chosen != null);
            update(filter.withBuilding(chosen == null ? null : chosen.id()));
        });

        floor.setId(MeterGridView.FILTER_FLOOR_ID);
        label(floor, "meter.field.floor");
        floor.setItemLabelGenerator(FloorView::name);
        floor.setClearButtonVisible(true);
        floor.setEnabled(false);
        floor.addValueChangeListener(event ->
                update(filter.withFloor(event.getValue() == null ? null : event.getValue().id())));

        ComboBox<MeterProtocol> protocol = choice(MeterGridView.FILTER_PROTOCOL_ID, "meter.field.protocol",
                MeterProtocol.values());
        protocol.addValueChangeListener(event -> update(filter.withProtocol(event.getValue())));
        ComboBox<BillingMode> billingMode = choice(MeterGridView.FILTER_BILLING_MODE_ID, "meter.field.billing_mode",
                BillingMode.values());
        billingMode.addValueChangeListener(event -> update(filter.withBillingMode(event.getValue())));
        ComboBox<MeterState> state = choice(MeterGridView.FILTER_STATE_ID, "meter.field.state", MeterState.values());
        state.setValue(MeterState.ACTIVE);
        state.addValueChangeListener(event -> update(filter.withState(event.getValue())));

        TextField text = new TextField();
        text.setId(MeterGridView.FILTER_TEXT_ID);
        label(text, "meter.filter.text");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(TEXT_TIMEOUT_MS);
        text.setMinWidth("16em");
        text.addValueChangeListener(event -> update(filter.withText(event.getValue())));

        add(building, floor, protocol, billingMode, state, text);
    }

    public MeterFilter filter() {
        return filter;
    }

    public Registration addFilterChangedListener(ComponentEventListener<FilterChangedEvent> listener) {
        return addListener(FilterChangedEvent.class, listener);
    }

    private void update(MeterFilter changed) {
        filter = changed;
        fireEvent(new FilterChangedEvent(this));
    }

    @SafeVarargs
    private <E extends Enum<E>> ComboBox<E> choice(String id, String placeholderKey, E... values) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        label(box, placeholderKey);
        box.setItems(values);
        box.setItemLabelGenerator(EnumLabels::of);
        box.setClearButtonVisible(true);
        return box;
    }

    /** Placeholders keep the bar one line high; screen readers still get a label. */
    private <F extends HasPlaceholder & HasAriaLabel> void label(F field, String key) {
        field.setPlaceholder(getTranslation(key));
        field.setAriaLabel(getTranslation(key));
    }

    /** The filter changed; read it from {@link MeterFilterBar#filter()}. */
    public static class FilterChangedEvent extends ComponentEvent<MeterFilterBar> {
        public FilterChangedEvent(MeterFilterBar source) {
            super(source, false);
        }
    }
}
