package io.jichao.archive.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDetails;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterField;
import io.jichao.archive.MeterName;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterRules;
import io.jichao.archive.Phase;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.Notifications;

/**
 * Creates or edits one meter and its household. Checks {@link MeterRules} itself and marks
 * every broken field at once; only a draft that passes is handed on in a {@link SaveEvent}.
 * The listener saves it and, when the service refuses, calls {@link #showError} so the
 * dialog stays open with the operator's input. Needs no Spring: places come from
 * {@link MeterPlaceFields.Choices}.
 */
public class MeterForm extends Dialog {

    public static final String ADDRESS_ID = "meter-form-address";
    public static final String CHANNEL_ID = "meter-form-channel";
    public static final String PROTOCOL_ID = "meter-form-protocol";
    public static final String PHASE_ID = "meter-form-phase";
    public static final String BILLING_MODE_ID = "meter-form-billing-mode";
    public static final String CT_RATIO_ID = "meter-form-ct-ratio";
    public static final String PT_RATIO_ID = "meter-form-pt-ratio";
    public static final String MAX_POWER_ID = "meter-form-max-power";
    public static final String ALARM1_ID = "meter-form-alarm1";
    public static final String ALARM2_ID = "meter-form-alarm2";
    public static final String BUILDING_ID = "meter-form-building";
    public static final String FLOOR_ID = "meter-form-floor";
    public static final String BOX_ID = "meter-form-box";
    public static final String COLLECTOR_ID = "meter-form-collector";
    public static final String PORT_ID = "meter-form-port";
    public static final String ROOM_ID = "meter-form-room";
    public static final String HOUSEHOLD_ID = "meter-form-household";
    public static final String PHONES_ID = "meter-form-phones";
    public static final String ERROR_ID = "meter-form-error";
    public static final String SAVE_ID = "meter-form-save";
    public static final String CANCEL_ID = "meter-form-cancel";

    private final TextField address = new TextField();
    private final IntegerField channel = new IntegerField();
    private final ComboBox<MeterProtocol> protocol = new ComboBox<>();
    private final ComboBox<Phase> phase = new ComboBox<>();
    private final ComboBox<BillingMode> billingMode = new ComboBox<>();
    private final MeterPlaceFields places;
    private final IntegerField ctRatio = new IntegerField();
    private final IntegerField ptRatio = new IntegerField();
    private final BigDecimalField maxPowerKw = new BigDecimalField();
    private final BigDecimalField alarm1 = new BigDecimalField();
    private final BigDecimalField alarm2 = new BigDecimalField();
    private final TextField room = new TextField();
    private final TextField householdName = new TextField();
    private final TextField phones = new TextField();
    private final Span formError = new Span();
    private final Button saveButton = new Button();
    private final Map<MeterField, List<HasValidation>> fieldsByName = new EnumMap<>(MeterField.class);
    private Long meterId;

    public MeterForm(MeterPlaceFields.Choices choices) {
        places = new MeterPlaceFields(choices);
        setWidth("min(60em, 95vw)");
        setCloseOnOutsideClick(false);
        setup(address, ADDRESS_ID, MeterField.ADDRESS);
        address.setMaxLength(12);
        address.setAllowedCharPattern("[0-9]");
        setup(channel, CHANNEL_ID, MeterField.CHANNEL);
        channel.setMin(1);
        channel.setMax(MeterRules.MAX_CHANNEL);
        setup(protocol, PROTOCOL_ID, MeterField.PROTOCOL);
        choices(protocol, MeterProtocol.values());
        setup(phase, PHASE_ID, MeterField.PHASE);
        choices(phase, Phase.values());
        setup(billingMode, BILLING_MODE_ID, MeterField.BILLING_MODE);
        choices(billingMode, BillingMode.values());
        setup(places.building(), BUILDING_ID, MeterField.BUILDING);
        setup(places.floor(), FLOOR_ID, MeterField.FLOOR);
        setup(places.box(), BOX_ID, MeterField.BOX);
        setup(places.collector(), COLLECTOR_ID, MeterField.COLLECTOR);
        setup(places.port(), PORT_ID, MeterField.PORT);
        places.addPortChosenListener(port -> {
            // A bus speaks one protocol; a new meter on it almost always speaks the same.
            if (protocol.isEmpty()) {
                protocol.setValue(port.protocol());
            }
        });
        setup(ctRatio, CT_RATIO_ID, MeterField.CT_RATIO);
        setup(ptRatio, PT_RATIO_ID, MeterField.PT_RATIO);
        setup(maxPowerKw, MAX_POWER_ID, MeterField.MAX_POWER_KW);
        setup(alarm1, ALARM1_ID, MeterField.ALARM1_KWH);
        setup(alarm2, ALARM2_ID, MeterField.ALARM2_KWH);
        setup(room, ROOM_ID, MeterField.ROOM);
        setup(householdName, HOUSEHOLD_ID, MeterField.HOUSEHOLD);
        setup(phones, PHONES_ID, MeterField.PHONES);
        phones.setHelperText(getTranslation("meter.form.phones.hint"));

        FormLayout layout = new FormLayout(address, channel, protocol, phase, billingMode, places.building(),
                places.floor(), places.box(), places.collector(), places.port());
        layout.add(ctRatio, ptRatio, maxPowerKw, alarm1, alarm2, room, householdName, phones);
        layout.setColspan(phones, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("45em", 3));
        formError.setId(ERROR_ID);
        formError.addClassName("jichao-form-errors");
        add(formError, layout);

        saveButton.setText(getTranslation("action.save"));
        saveButton.addClickListener(click -> save());
        saveButton.setId(SAVE_ID);
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // A double click must not create the meter twice: off until the rules or the service say no.
        saveButton.setDisableOnClick(true);
        Button cancel = new Button(getTranslation("action.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId(CANCEL_ID);
        getFooter().add(cancel, saveButton);
    }

    /** Opens the form empty, for a new meter. */
    public void createNew() {
        meterId = null;
        setHeaderTitle(getTranslation("meter.form.new"));
        fill(new MeterDraft("", null, null, null, BillingMode.PREPAID, null, null, null, null, 1, 1, null, null, null,
                null, null, List.of()), null);
        open();
    }

    /** Opens the form with a meter's current values. */
    public void edit(MeterDetails details) {
        edit(details, new MeterName(null, details.draft().room(), details.draft().address()));
    }

    /** Opens the form with a meter's current values, titled with its name (building, room, address). */
    public void edit(MeterDetails details, MeterName name) {
        meterId = details.id();
        setHeaderTitle(getTranslation("meter.form.edit", name.text()));
        fill(details.draft(), details.collectorId());
        open();
    }

    /** Shows a refusal from the service on the field it concerns, or above the fields. */
    public void showError(DomainException e) {
        saveButton.setEnabled(true);
        String message = Notifications.message(e);
        List<HasValidation> fields = MeterField.blamedFor(e).map(fieldsByName::get).orElse(List.of());
        if (fields.isEmpty()) {
            formError.setText(formError.getText().isEmpty() ? message : formError.getText() + " " + message);
            return;
        }
        for (HasValidation field : fields) {
            String before = field.isInvalid() ? field.getErrorMessage() : null;
            field.setErrorMessage(before == null || before.isEmpty() ? message : before + " " + message);
            field.setInvalid(true);
        }
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    private void save() {
        saveButton.setEnabled(false);
        clearErrors();
        MeterDraft draft = draft();
        List<DomainException> violations = MeterRules.violations(draft);
        if (!violations.isEmpty()) {
            violations.forEach(this::showError);
            return;
        }
        fireEvent(new SaveEvent(this, meterId, draft));
    }

    private MeterDraft draft() {
        return new MeterDraft(address.getValue().strip(), channel.getValue(), protocol.getValue(), phase.getValue(),
                billingMode.getValue(), places.buildingId(), places.floorId(), places.boxId(), places.serialPortId(),
                Objects.requireNonNullElse(ctRatio.getValue(), 0), Objects.requireNonNullElse(ptRatio.getValue(), 0),
                maxPowerKw.getValue(), alarm1.getValue(), alarm2.getValue(), room.getValue(),
                householdName.getValue(), MeterRules.splitPhones(phones.getValue()));
    }

    private void fill(MeterDraft draft, Long collectorId) {
        clearErrors();
        saveButton.setEnabled(true);
        address.setValue(draft.address());
        channel.setValue(draft.deviceChannel());
        protocol.setValue(draft.protocol());
        phase.setValue(draft.phase());
        billingMode.setValue(draft.billingMode());
        places.show(draft.buildingId(), draft.floorId(), draft.boxId(), collectorId, draft.serialPortId());
        ctRatio.setValue(draft.ctRatio());
        ptRatio.setValue(draft.ptRatio());
        maxPowerKw.setValue(draft.maxPowerKw());
        alarm1.setValue(draft.alarmLevel1Kwh());
        alarm2.setValue(draft.alarmLevel2Kwh());
        room.setValue(Objects.requireNonNullElse(draft.room(), ""));
        householdName.setValue(Objects.requireNonNullElse(draft.householdName(), ""));
        phones.setValue(String.join(", ", draft.phones()));
    }

    private void clearErrors() {
        formError.setText("");
        fieldsByName.values().forEach(fields -> fields.forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }));
    }

    private <C extends Component & HasValidation & com.vaadin.flow.component.HasLabel> void setup(
            C component, String id, MeterField field) {
        component.setId(id);
        component.setLabel(getTranslation(field.labelKey()));
        register(field, component);
    }

    private void register(MeterField field, HasValidation component) {
        // The form decides validity from MeterRules; the fields' own checks must not undo that.
        component.setManualValidation(true);
        fieldsByName.computeIfAbsent(field, key -> new ArrayList<>()).add(component);
        // Both ratios share one rule and both alarm levels one range rule: mark both fields.
        if (field == MeterField.PT_RATIO) {
            fieldsByName.computeIfAbsent(MeterField.CT_RATIO, key -> new ArrayList<>()).add(component);
        }
        if (field == MeterField.ALARM2_KWH) {
            fieldsByName.computeIfAbsent(MeterField.ALARM1_KWH, key -> new ArrayList<>()).add(component);
        }
    }

    @SafeVarargs
    private static <E extends Enum<E>> void choices(ComboBox<E> box, E... values) {
        box.setItems(values);
        box.setItemLabelGenerator(EnumLabels::of);
    }

    /** The operator saved a draft that passed the rules; meterId is null for a new meter. */
    public static class SaveEvent extends ComponentEvent<MeterForm> {
        private final Long meterId;
        private final MeterDraft draft;

        public SaveEvent(MeterForm source, Long meterId, MeterDraft draft) {
            super(source, false);
            this.meterId = meterId;
            this.draft = draft;
        }

        public Long meterId() {
            return meterId;
        }

        public MeterDraft draft() {
            return draft;
        }
    }

    /** The operator closed the form without saving. */
    public static class CancelEvent extends ComponentEvent<MeterForm> {
        public CancelEvent(MeterForm source) {
            super(source, false);
        }
    }
}
