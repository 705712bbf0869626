package io.jichao.collection.ui;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.shared.Registration;

import io.jichao.collection.CollectionSchedule;
import io.jichao.collection.CollectionScheduleService.CollectorChoice;
import io.jichao.collection.ReadingItem;
import io.jichao.collection.ScheduleDraft;
import io.jichao.collection.ScheduleTiming;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.Notifications;

/**
 * The fields of a reading schedule. It checks what it can see itself (name, interval 1..1440,
 * time of day, at least one item) and fires {@link SaveEvent} with a draft only when those hold;
 * the service's own refusals come back through {@link #show(DomainException)}. Knows no service,
 * so it is usable and testable without Spring.
 */
public class ScheduleForm extends FormLayout {

    public static final String NAME_ID = "schedule-name";
    public static final String TIMING_KIND_ID = "schedule-timing-kind";
    public static final String INTERVAL_ID = "schedule-interval";
    public static final String TIME_ID = "schedule-time";
    public static final String ITEMS_ID = "schedule-items";
    public static final String COLLECTORS_ID = "schedule-collectors";
    public static final String ENABLED_ID = "schedule-enabled";
    public static final String SAVE_ID = "schedule-save";
    public static final String CANCEL_ID = "schedule-cancel";

    /** How a schedule is timed, as the operator chooses it. */
    public enum TimingKind { EVERY, DAILY }

    private final TextField name = new TextField(getTranslation("schedules.name"));
    private final RadioButtonGroup<TimingKind> timingKind = new RadioButtonGroup<>(getTranslation("schedules.timing.kind"));
    private final IntegerField interval = new IntegerField(getTranslation("schedules.interval"));
    private final TimePicker time = new TimePicker(getTranslation("schedules.time"));
    private final CheckboxGroup<ReadingItem> items = new CheckboxGroup<>(getTranslation("schedules.items"));
    private final MultiSelectComboBox<CollectorChoice> collectors =
            new MultiSelectComboBox<>(getTranslation("schedules.collectors"));
    private final Checkbox enabled = new Checkbox(getTranslation("schedules.enabled"), true);

    public ScheduleForm(List<CollectorChoice> collectorChoices) {
        setResponsiveSteps(new ResponsiveStep("0", 1));
        name.setId(NAME_ID);
        name.setMaxLength(100);
        timingKind.setId(TIMING_KIND_ID);
        timingKind.setItems(TimingKind.values());
        timingKind.setItemLabelGenerator(kind -> getTranslation("schedules.timing.kind." + kind.name()));
        timingKind.setValue(TimingKind.EVERY);
        timingKind.addValueChangeListener(event -> showTimingField());
        interval.setId(INTERVAL_ID);
        interval.setMin(1);
        interval.setMax(ScheduleTiming.MAX_INTERVAL_MINUTES);
        interval.setStepButtonsVisible(true);
        interval.setValue(15);
        time.setId(TIME_ID);
        time.setStep(Duration.ofMinutes(5));
        time.setValue(LocalTime.of(0, 15));
        items.setId(ITEMS_ID);
        items.setItems(ReadingItem.values());
        items.setItemLabelGenerator(item -> getTranslation("reading.item." + item.name()));
        collectors.setId(COLLECTORS_ID);
        collectors.setItems(collectorChoices);
        collectors.setItemLabelGenerator(CollectorChoice::name);
        collectors.setHelperText(getTranslation("schedules.collectors.helper"));
        enabled.setId(ENABLED_ID);

        Button cancel = new Button(getTranslation("action.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId(CANCEL_ID);
        Button save = new Button(getTranslation("action.save"), click -> submit());
        save.setId(SAVE_ID);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(name, timingKind, interval, time, items, collectors, enabled, new HorizontalLayout(cancel, save));
        showTimingField();
    }

    /** Fills the form with a stored schedule; its collectors the operator cannot choose are not shown. */
    public void edit(CollectionSchedule schedule) {
        name.setValue(schedule.name());
        switch (schedule.timing()) {
            case ScheduleTiming.Every every -> {
                timingKind.setValue(TimingKind.EVERY);
                interval.setValue(every.minutes());
            }
            case ScheduleTiming.DailyAt daily -> {
                timingKind.setValue(TimingKind.DAILY);
                time.setValue(daily.time());
            }
        }
        items.setValue(schedule.items());
        collectors.setValue(collectors.getListDataView().getItems()
                .filter(choice -> schedule.collectorIds().contains(choice.id())).collect(Collectors.toSet()));
        enabled.setValue(schedule.enabled());
    }

    /** Shows a refusal next to the field it is about, or as a notification. */
    public void show(DomainException refusal) {
        HasValidation field = switch (refusal.messageKey()) {
            case "error.required", "error.schedule.name.length" -> name;
            case "error.schedule.interval" -> interval;
            case "error.schedule.time" -> time;
            case "error.schedule.items" -> items;
            case "error.schedule.all.collectors", "error.district.outside", "error.collector.not.found" -> collectors;
            default -> null;
        };
        if (field == null) {
            Notifications.error(refusal);
        } else {
            invalid(field, Notifications.message(refusal));
        }
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    private void submit() {
        List.<HasValidation>of(name, interval, time, items, collectors).forEach(field -> field.setInvalid(false));
        boolean daily = timingKind.getValue() == TimingKind.DAILY;
        boolean valid = true;
        if (name.getValue().isBlank()) {
            invalid(name, getTranslation("error.required.field"));
            valid = false;
        }
        Integer minutes = interval.getValue();
        if (!daily && (minutes == null || minutes < 1 || minutes > ScheduleTiming.MAX_INTERVAL_MINUTES)) {
            invalid(interval, getTranslation("error.schedule.interval", 1, ScheduleTiming.MAX_INTERVAL_MINUTES));
            valid = false;
        }
        if (daily && time.getValue() == null) {
            invalid(time, getTranslation("error.schedule.time"));
            valid = false;
        }
        if (items.getValue().isEmpty()) {
            invalid(items, getTranslation("error.schedule.items"));
            valid = false;
        }
        if (valid) {
            ScheduleTiming timing = daily ? new ScheduleTiming.DailyAt(time.getValue()) : new ScheduleTiming.Every(minutes);
            Set<Long> collectorIds = collectors.getValue().stream().map(CollectorChoice::id).collect(Collectors.toSet());
            fireEvent(new SaveEvent(this, new ScheduleDraft(name.getValue(), enabled.getValue(), items.getValue(),
                    timing, collectorIds)));
        }
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void showTimingField() {
        interval.setVisible(timingKind.getValue() == TimingKind.EVERY);
        time.setVisible(timingKind.getValue() == TimingKind.DAILY);
    }

    /** The operator saves a valid draft. */
    public static class SaveEvent extends ComponentEvent<ScheduleForm> {
        private final ScheduleDraft draft;

        SaveEvent(ScheduleForm source, ScheduleDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public ScheduleDraft draft() {
            return draft;
        }
    }

    /** The operator leaves without saving. */
    public static class CancelEvent extends ComponentEvent<ScheduleForm> {
        CancelEvent(ScheduleForm source) {
            super(source, false);
        }
    }
}
