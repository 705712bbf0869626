package io.jichao.alarm.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.jichao.alarm.AlarmFilter;
import io.jichao.alarm.AlarmKind;
import io.jichao.alarm.AlarmState;
import io.jichao.alarm.Severity;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.shared.TimeConfiguration;

/**
 * The alarm list's filters: state, severity, kind, building, the days an alarm was raised
 * (Asia/Shanghai, both inclusive) and whether cleared alarms (history) are shown. Every change
 * hands the new {@link AlarmFilter} to the listener.
 */
public class AlarmFilterBar extends HorizontalLayout {

    public static final String STATE_ID = "alarms-filter-state";
    public static final String SEVERITY_ID = "alarms-filter-severity";
    public static final String KIND_ID = "alarms-filter-kind";
    public static final String BUILDING_ID = "alarms-filter-building";
    public static final String FROM_ID = "alarms-filter-from";
    public static final String TO_ID = "alarms-filter-to";
    public static final String HISTORY_ID = "alarms-filter-history";

    private final ComboBox<AlarmState> state = new ComboBox<>();
    private final ComboBox<Severity> severity = new ComboBox<>();
    private final ComboBox<AlarmKind> kind = new ComboBox<>();
    private final ComboBox<BuildingView> building = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Checkbox history = new Checkbox();

    public AlarmFilterBar(List<BuildingView> buildings, Consumer<AlarmFilter> changed) {
        state.setId(STATE_ID);
        state.setLabel(getTranslation("alarms.filter.state"));
        state.setItems(AlarmState.values());
        state.setItemLabelGenerator(s -> getTranslation("alarm.state." + s.name()));
        state.setClearButtonVisible(true);
        severity.setId(SEVERITY_ID);
        severity.setLabel(getTranslation("alarms.filter.severity"));
        severity.setItems(Severity.ALARM, Severity.FAULT);
        severity.setItemLabelGenerator(s -> getTranslation("alarm.severity." + s.name()));
        severity.setClearButtonVisible(true);
        kind.setId(KIND_ID);
        kind.setLabel(getTranslation("alarms.filter.kind"));
        kind.setItems(AlarmKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("alarm.kind." + k.name()));
        kind.setClearButtonVisible(true);
        building.setId(BUILDING_ID);
        building.setLabel(getTranslation("alarms.filter.building"));
        building.setItems(buildings);
        building.setItemLabelGenerator(b -> b.code() + " " + b.name());
        building.setClearButtonVisible(true);
        from.setId(FROM_ID);
        from.setLabel(getTranslation("alarms.filter.from"));
        from.setClearButtonVisible(true);
        to.setId(TO_ID);
        to.setLabel(getTranslation("alarms.filter.to"));
        to.setClearButtonVisible(true);
        history.setId(HISTORY_ID);
        history.setLabel(getTranslation("alarms.filter.history"));
        state.addValueChangeListener(e -> {
            if (e.getValue() == AlarmState.CLEARED) {
                history.setValue(true);
            }
            changed.accept(filter());
        });
        severity.addValueChangeListener(e -> changed.accept(filter()));
        kind.addValueChangeListener(e -> changed.accept(filter()));
        building.addValueChangeListener(e -> changed.accept(filter()));
        from.addValueChangeListener(e -> changed.accept(filter()));
        to.addValueChangeListener(e -> changed.accept(filter()));
        history.addValueChangeListener(e -> changed.accept(filter()));
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        add(state, severity, kind, building, from, to, history);
    }

    public AlarmFilter filter() {
        LocalDate toDay = to.getValue();
        return new AlarmFilter(state.getValue(), kind.getValue(), severity.getValue(),
                building.getValue() == null ? null : building.getValue().id(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant(),
                history.getValue());
    }
}
