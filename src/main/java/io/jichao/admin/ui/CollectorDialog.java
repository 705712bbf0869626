package io.jichao.admin.ui;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import io.jichao.archive.CollectorModel;
import io.jichao.archive.CollectorViews.CollectorDraft;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.shared.DomainException;

/**
 * Creates or edits a collector. Only the address its connection mode needs is shown: the host we
 * connect to (server mode) or the registration ID it announces when it dials in (client mode).
 */
public class CollectorDialog extends FormDialog {

    public static final String BUILDING_ID = "collector-building";
    public static final String NAME_ID = "collector-name";
    public static final String MODEL_ID = "collector-model";
    public static final String MODE_ID = "collector-mode";
    public static final String HOST_ID = "collector-host";
    public static final String REGISTRATION_ID = "collector-registration";
    public static final String ENABLED_ID = "collector-enabled";

    private final ComboBox<BuildingView> building = new ComboBox<>(getTranslation("collectors.building"));
    private final TextField name = new TextField(getTranslation("collectors.name"));
    private final Select<CollectorModel> model = new Select<>();
    private final RadioButtonGroup<ConnectionMode> mode = new RadioButtonGroup<>(getTranslation("collectors.mode"));
    private final TextField host = new TextField(getTranslation("collectors.host"));
    private final TextField registrationId = new TextField(getTranslation("collectors.registrationId"));
    private final Checkbox enabled = new Checkbox(getTranslation("collectors.enabled"), true);
    private final transient Consumer<CollectorDraft> action;

    private CollectorDialog(String titleKey, List<BuildingView> buildings, Consumer<CollectorDraft> action) {
        super(titleKey);
        this.action = action;
        building.setId(BUILDING_ID);
        building.setItems(buildings);
        building.setItemLabelGenerator(BuildingView::label);
        name.setId(NAME_ID);
        name.setMaxLength(100);
        model.setId(MODEL_ID);
        model.setLabel(getTranslation("collectors.model"));
        model.setItems(CollectorModel.values());
        model.setItemLabelGenerator(m -> getTranslation("collectors.model.label", m.name(), m.portCount()));
        mode.setId(MODE_ID);
        mode.setItems(ConnectionMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("connection.mode." + m.name()));
        mode.setValue(ConnectionMode.SERVER);
        mode.addValueChangeListener(event -> showAddressField());
        host.setId(HOST_ID);
        host.setMaxLength(255);
        registrationId.setId(REGISTRATION_ID);
        registrationId.setMaxLength(64);
        enabled.setId(ENABLED_ID);
        form.add(building, name, model, mode, host, registrationId, enabled);
        errors.required(building, "building").on(building, "error.building.not.found", "error.district.outside")
                .required(name, "name")
                .required(model, "model").on(model, "error.collector.model.ports")
                .on(host, "error.collector.host.required")
                .on(registrationId, "error.collector.registration.required");
        showAddressField();
    }

    public static CollectorDialog forNew(List<BuildingView> buildings, Consumer<CollectorDraft> action) {
        return new CollectorDialog("collectors.new", buildings, action);
    }

    public static CollectorDialog forExisting(CollectorView collector, List<BuildingView> buildings,
                                              Consumer<CollectorDraft> action) {
        CollectorDialog dialog = new CollectorDialog("collectors.edit", buildings, action);
        buildings.stream().filter(b -> b.id() == collector.buildingId()).findFirst()
                .ifPresent(dialog.building::setValue);
        dialog.name.setValue(collector.name());
        dialog.model.setValue(collector.model());
        dialog.mode.setValue(collector.connectionMode());
        dialog.host.setValue(collector.host() == null ? "" : collector.host());
        dialog.registrationId.setValue(collector.registrationId() == null ? "" : collector.registrationId());
        dialog.enabled.setValue(collector.enabled());
        return dialog;
    }

    private void showAddressField() {
        host.setVisible(mode.getValue() == ConnectionMode.SERVER);
        registrationId.setVisible(mode.getValue() == ConnectionMode.CLIENT);
    }

    @Override
    protected void save() {
        // The draft takes a plain building ID, so an empty choice is refused here rather than sent as 0.
        if (building.getValue() == null) {
            throw new DomainException("error.required", "building");
        }
        action.accept(new CollectorDraft(building.getValue().id(), name.getValue(), model.getValue(), mode.getValue(),
                host.getValue(), registrationId.getValue(), enabled.getValue()));
    }
}
