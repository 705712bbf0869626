package io.jichao.collection.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;

import io.jichao.collection.control.OverloadService;
import io.jichao.collection.control.OverloadSetting;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.Notifications;

/** One meter's overload parameters: set them (queued for the engine's job) and see where they are. */
class OverloadPanel extends HorizontalLayout {

    static final String MAX_ID = "overload-max";
    static final String SUDDEN_ID = "overload-sudden";
    static final String SAVE_ID = "overload-save";
    static final String STATE_ID = "overload-state";

    private final transient OverloadService overloads;
    private final BigDecimalField max = new BigDecimalField();
    private final BigDecimalField sudden = new BigDecimalField();
    private final Span state = new Span();
    private long meterId;

    OverloadPanel(OverloadService overloads) {
        this.overloads = overloads;
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        max.setId(MAX_ID);
        max.setLabel(getTranslation("control.overload.max"));
        sudden.setId(SUDDEN_ID);
        sudden.setLabel(getTranslation("control.overload.sudden"));
        Button save = new Button(getTranslation("control.overload.save"), click -> save());
        save.setId(SAVE_ID);
        state.setId(STATE_ID);
        add(max, sudden, save, state);
    }

    void show(long meter) {
        this.meterId = meter;
        Optional<OverloadSetting> setting = overloads.of(meter);
        max.setValue(setting.map(OverloadSetting::desiredMaxPowerKw)
                .orElseGet(() -> overloads.plannedMaxPowerKw(meter)));
        sudden.setValue(setting.map(OverloadSetting::desiredSuddenPowerKw).orElse(null));
        state.setText(setting.map(s -> OverloadTexts.state(this, s)).orElse(getTranslation("control.overload.none")));
    }

    private void save() {
        try {
            int count = overloads.set(List.of(meterId), max.getValue(), sudden.getValue());
            Notifications.success("control.overload.saved", count);
            show(meterId);
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }
}
