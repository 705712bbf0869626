package io.jichao.admin.ui;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import io.jichao.archive.CollectorModel;
import io.jichao.archive.CollectorViews.CollectorDraft;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.collection.UnknownDialIn;
import io.jichao.shared.DomainException;

/**
 * Makes a dial-in collector of an unknown dial-in: prefilled with the registration code parsed from
 * what it sent (if it had the form of one), the smallest DH600 model that has the port it named, and DL/T 645-2007 ports; the admin picks
 * the building and a name. The collector is created enabled, in client mode.
 */
public class DialInCommissionDialog extends FormDialog {

    public static final String BUILDING_ID = "dial-in-building";
    public static final String NAME_ID = "dial-in-name";
    public static final String MODEL_ID = "dial-in-model";
    public static final String REGISTRATION_ID = "dial-in-registration";
    public static final String PROTOCOL_ID = "dial-in-protocol";

    private final ComboBox<BuildingView> building = new ComboBox<>(getTranslation("collectors.building"));
    private final TextField name = new TextField(getTranslation("collectors.name"));
    private final Select<CollectorModel> model = new Select<>();
    private final TextField registrationId = new TextField(getTranslation("collectors.registrationId"));
    private final Select<MeterProtocol> protocol = new Select<>();
    private final transient BiConsumer<CollectorDraft, MeterProtocol> action;

    public DialInCommissionDialog(UnknownDialIn dialIn, List<BuildingView> buildings,
                                  BiConsumer<CollectorDraft, MeterProtocol> action) {
        super("dial-in.commission.title", dialIn.sourceHost());
        this.action = action;
        building.setId(BUILDING_ID);
        building.setItems(buildings);
        building.setItemLabelGenerator(BuildingView::label);
        name.setId(NAME_ID);
        name.setMaxLength(100);
        name.setValue(dialIn.registrationId() == null ? "" : dialIn.registrationId());
        model.setId(MODEL_ID);
        model.setLabel(getTranslation("collectors.model"));
        model.setItems(CollectorModel.values());
        model.setItemLabelGenerator(m -> getTranslation("collectors.model.label", m.name(), m.portCount()));
        int portsNeeded = dialIn.portNumber() == null ? 1 : dialIn.portNumber();
        model.setValue(Arrays.stream(CollectorModel.values()).filter(m -> m.portCount() >= portsNeeded).findFirst()
                .orElse(CollectorModel.DH608));
        registrationId.setId(REGISTRATION_ID);
        registrationId.setMaxLength(64);
        registrationId.setValue(dialIn.registrationId() == null ? "" : dialIn.registrationId());
        registrationId.setHelperText(getTranslation("dial-in.commission.registration.hint"));
        protocol.setId(PROTOCOL_ID);
        protocol.setLabel(getTranslation("dial-in.commission.protocol"));
        protocol.setItems(MeterProtocol.values());
        protocol.setItemLabelGenerator(p -> getTranslation("protocol." + p.name()));
        protocol.setValue(MeterProtocol.DLT645_2007);
        form.add(new Paragraph(getTranslation("dial-in.commission.sent", dialIn.hex(), dialIn.text())),
                building, name, model, registrationId, protocol);
        errors.required(building, "building").on(building, "error.building.not.found", "error.district.outside")
                .required(name, "name").required(model, "model").required(protocol, "protocol")
                .on(registrationId, "error.collector.registration.required", "error.collector.registration.taken");
    }

    @Override
    protected void save() {
        if (building.getValue() == null) {
            throw new DomainException("error.required", "building");
        }
        action.accept(new CollectorDraft(building.getValue().id(), name.getValue(), model.getValue(),
                ConnectionMode.CLIENT, null, registrationId.getValue(), true), protocol.getValue());
    }
}
