package io.jichao.prepaid.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.shared.Registration;

import io.jichao.prepaid.PeriodKind;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.TariffKind;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffStep;
import io.jichao.prepaid.TouPeriod;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.ui.Notifications;

/**
 * The form for a new tariff version: effective date and a flat, time-of-use or stepped plan.
 * Builds the {@link TariffPlan} (whose constructors refuse invalid plans) and fires
 * {@link SubmitEvent}; refusals are shown on the field they concern.
 */
public class TariffVersionForm extends VerticalLayout {

    public static final String KIND_ID = "tariff-kind";
    public static final String EFFECTIVE_ID = "tariff-effective";
    public static final String FLAT_PRICE_ID = "tariff-flat-price";
    public static final String REFERENCE_ID = "tariff-tou-reference";
    public static final String TOU_ERROR_ID = "tariff-tou-error";
    public static final String TOU_ADD_ID = "tariff-tou-add";
    public static final String STEPS_ERROR_ID = "tariff-steps-error";
    public static final String STEP_ADD_ID = "tariff-step-add";
    public static final String SUBMIT_ID = "tariff-version-submit";

    /** A valid plan from a date, ready for the service. */
    public static final class SubmitEvent extends ComponentEvent<TariffVersionForm> {
        private final LocalDate effectiveFrom;
        private final transient TariffPlan plan;

        SubmitEvent(TariffVersionForm source, LocalDate effectiveFrom, TariffPlan plan) {
            super(source, false);
            this.effectiveFrom = effectiveFrom;
            this.plan = plan;
        }

        public LocalDate effectiveFrom() { return effectiveFrom; }
        public TariffPlan plan() { return plan; }
    }

    private record PeriodRow(Select<PeriodKind> kind, TimePicker start, TimePicker end, TextField price) { }

    private record StepRow(TextField upTo, TextField price) { }

    private final RadioButtonGroup<TariffKind> kind = new RadioButtonGroup<>();
    private final DatePicker effectiveFrom = new DatePicker();
    private final TextField flatPrice = new TextField();
    private final TextField reference = new TextField();
    private final Span touError = new Span();
    private final Span stepsError = new Span();
    private final VerticalLayout periodRows = new VerticalLayout();
    private final VerticalLayout stepRows = new VerticalLayout();
    private final List<PeriodRow> periods = new ArrayList<>();
    private final List<StepRow> steps = new ArrayList<>();
    private final VerticalLayout flatSection;
    private final VerticalLayout touSection;
    private final VerticalLayout steppedSection;

    public TariffVersionForm() {
        setPadding(false);
        effectiveFrom.setId(EFFECTIVE_ID);
        effectiveFrom.setLabel(getTranslation("tariffs.version.effective"));
        kind.setId(KIND_ID);
        kind.setLabel(getTranslation("tariffs.version.kind"));
        kind.setItems(TariffKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("tariffs.kind." + k.name()));

        flatPrice.setId(FLAT_PRICE_ID);
        flatPrice.setLabel(getTranslation("tariffs.price"));
        flatSection = section(flatPrice);

        reference.setId(REFERENCE_ID);
        reference.setLabel(getTranslation("tariffs.tou.reference"));
        touError.setId(TOU_ERROR_ID);
        touError.getStyle().set("color", "var(--lumo-error-text-color)");
        periodRows.setPadding(false);
        Button addPeriod = new Button(getTranslation("tariffs.tou.add"), e -> addPeriod());
        addPeriod.setId(TOU_ADD_ID);
        touSection = section(periodRows, addPeriod, touError, reference);

        stepsError.setId(STEPS_ERROR_ID);
        stepsError.getStyle().set("color", "var(--lumo-error-text-color)");
        stepRows.setPadding(false);
        Button addStep = new Button(getTranslation("tariffs.steps.add"), e -> addStep());
        addStep.setId(STEP_ADD_ID);
        steppedSection = section(stepRows, addStep, stepsError);

        addPeriod();
        addStep();
        kind.addValueChangeListener(e -> showSection());
        kind.setValue(TariffKind.FLAT);

        Button submit = new Button(getTranslation("tariffs.version.add"), e -> submit());
        submit.setId(SUBMIT_ID);
        add(new HorizontalLayout(effectiveFrom, kind), flatSection, touSection, steppedSection, submit);
    }

    public Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    /** Shows a refusal of the service (date in the past or taken) where it belongs. */
    public void showRefusal(DomainException refusal) {
        String key = refusal.messageKey();
        if (key.startsWith("error.tariff.effective") || key.equals("error.required")) {
            effectiveFrom.setErrorMessage(Notifications.message(refusal));
            effectiveFrom.setInvalid(true);
        } else {
            Notifications.error(refusal);
        }
    }

    /** Empties the form after a version was stored. */
    public void clear() {
        effectiveFrom.clear();
        flatPrice.clear();
        reference.clear();
        periods.clear();
        periodRows.removeAll();
        steps.clear();
        stepRows.removeAll();
        addPeriod();
        addStep();
        clearErrors();
    }

    private VerticalLayout section(com.vaadin.flow.component.Component... components) {
        VerticalLayout section = new VerticalLayout(components);
        section.setPadding(false);
        return section;
    }

    private void showSection() {
        flatSection.setVisible(kind.getValue() == TariffKind.FLAT);
        touSection.setVisible(kind.getValue() == TariffKind.TIME_OF_USE);
        steppedSection.setVisible(kind.getValue() == TariffKind.STEPPED);
    }

    private void addPeriod() {
        int i = periods.size();
        Select<PeriodKind> periodKind = new Select<>();
        periodKind.setId("tariff-tou-kind-" + i);
        periodKind.setLabel(getTranslation("tariffs.tou.period"));
        periodKind.setItems(PeriodKind.values());
        periodKind.setItemLabelGenerator(k -> getTranslation("tariffs.period." + k.name()));
        periodKind.setValue(PeriodKind.FLAT);
        TimePicker start = new TimePicker(getTranslation("tariffs.tou.start"));
        start.setId("tariff-tou-start-" + i);
        TimePicker end = new TimePicker(getTranslation("tariffs.tou.end"));
        end.setId("tariff-tou-end-" + i);
        TextField price = new TextField(getTranslation("tariffs.price"));
        price.setId("tariff-tou-price-" + i);
        periods.add(new PeriodRow(periodKind, start, end, price));
        HorizontalLayout row = new HorizontalLayout(periodKind, start, end, price);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        periodRows.add(row);
    }

    private void addStep() {
        int i = steps.size();
        TextField upTo = new TextField(getTranslation("tariffs.steps.upto"));
        upTo.setId("tariff-step-upto-" + i);
        upTo.setPlaceholder(getTranslation("tariffs.steps.open"));
        TextField price = new TextField(getTranslation("tariffs.price"));
        price.setId("tariff-step-price-" + i);
        steps.add(new StepRow(upTo, price));
        stepRows.add(new HorizontalLayout(upTo, price));
    }

    private void submit() {
        clearErrors();
        TariffPlan plan = switch (kind.getValue()) {
            case FLAT -> flat();
            case TIME_OF_USE -> timeOfUse();
            case STEPPED -> stepped();
        };
        if (plan != null) {
            fireEvent(new SubmitEvent(this, effectiveFrom.getValue(), plan));
        }
    }

    private TariffPlan flat() {
        PricePerKwh price = price(flatPrice);
        return price == null ? null : new TariffPlan.Flat(price);
    }

    private TariffPlan timeOfUse() {
        List<TouPeriod> built = new ArrayList<>();
        boolean valid = true;
        for (PeriodRow row : periods) {
            if (row.start().isEmpty() && row.end().isEmpty() && row.price().isEmpty()) {
                continue;
            }
            PricePerKwh price = price(row.price());
            if (price == null) {
                valid = false;
                continue;
            }
            try {
                built.add(new TouPeriod(row.kind().getValue(), row.start().getValue(), row.end().getValue(), price));
            } catch (DomainException refused) {
                touError.setText(Notifications.message(refused));
                valid = false;
            }
        }
        PricePerKwh referencePrice = price(reference);
        if (!valid || referencePrice == null) {
            return null;
        }
        try {
            return new TariffPlan.TimeOfUse(built, referencePrice);
        } catch (DomainException refused) {
            touError.setText(Notifications.message(refused));
            return null;
        }
    }

    private TariffPlan stepped() {
        List<TariffStep> built = new ArrayList<>();
        boolean valid = true;
        for (StepRow row : steps) {
            if (row.upTo().isEmpty() && row.price().isEmpty()) {
                continue;
            }
            PricePerKwh price = price(row.price());
            Kwh upTo = null;
            if (!row.upTo().isEmpty()) {
                try {
                    upTo = Kwh.parse(row.upTo().getValue());
                } catch (DomainException refused) {
                    invalid(row.upTo(), refused);
                    valid = false;
                    continue;
                }
            }
            if (price == null) {
                valid = false;
                continue;
            }
            try {
                built.add(new TariffStep(upTo, price));
            } catch (DomainException refused) {
                invalid(row.upTo(), refused);
                valid = false;
            }
        }
        if (!valid) {
            return null;
        }
        try {
            return new TariffPlan.Stepped(built);
        } catch (DomainException refused) {
            stepsError.setText(Notifications.message(refused));
            return null;
        }
    }

    /** The price typed into a field, or null with the refusal shown on the field. */
    private PricePerKwh price(TextField field) {
        try {
            BigDecimal yuan;
            try {
                yuan = new BigDecimal(field.getValue().strip());
            } catch (NumberFormatException notANumber) {
                throw new DomainException("error.tariff.price.range", PricePerKwh.MAX.toPlainString());
            }
            return new PricePerKwh(yuan);
        } catch (DomainException refused) {
            invalid(field, refused);
            return null;
        }
    }

    private static void invalid(TextField field, DomainException refused) {
        field.setErrorMessage(Notifications.message(refused));
        field.setInvalid(true);
    }

    private void clearErrors() {
        effectiveFrom.setInvalid(false);
        flatPrice.setInvalid(false);
        reference.setInvalid(false);
        periods.forEach(row -> row.price().setInvalid(false));
        steps.forEach(row -> {
            row.upTo().setInvalid(false);
            row.price().setInvalid(false);
        });
        touError.setText("");
        stepsError.setText("");
    }
}
