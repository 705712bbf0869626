package io.jichao.admin.ui;

import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;

import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.OfficeView;

/** Creates a building, or renames one and changes its property office (its code stays). */
public class BuildingDialog extends FormDialog {

    public static final String CODE_ID = "building-code";
    public static final String NAME_ID = "building-name";
    public static final String OFFICE_ID = "building-office";

    /** What saving does with the code, name and property office ID (null for none). */
    @FunctionalInterface
    public interface SaveAction {
        void save(String code, String name, Long propertyOfficeId);
    }

    private final TextField code = new TextField(getTranslation("structure.code"));
    private final TextField name = new TextField(getTranslation("structure.name"));
    private final ComboBox<OfficeView> office = new ComboBox<>(getTranslation("structure.office"));
    private final transient SaveAction action;

    private BuildingDialog(String titleKey, List<OfficeView> offices, SaveAction action) {
        super(titleKey);
        this.action = action;
        code.setId(CODE_ID);
        code.setMaxLength(32);
        name.setId(NAME_ID);
        name.setMaxLength(100);
        office.setId(OFFICE_ID);
        office.setItems(offices);
        office.setItemLabelGenerator(OfficeView::name);
        office.setClearButtonVisible(true);
        form.add(code, name, office);
        errors.required(code, "code").on(code, "error.building.code.taken")
                .required(name, "name");
    }

    public static BuildingDialog forNew(List<OfficeView> offices, SaveAction action) {
        return new BuildingDialog("structure.building.new", offices, action);
    }

    public static BuildingDialog forExisting(BuildingView building, List<OfficeView> offices, SaveAction action) {
        BuildingDialog dialog = new BuildingDialog("structure.building.edit", offices, action);
        dialog.code.setValue(building.code());
        dialog.code.setReadOnly(true);
        dialog.name.setValue(building.name());
        offices.stream().filter(o -> building.propertyOfficeId() != null && o.id() == building.propertyOfficeId())
                .findFirst().ifPresent(dialog.office::setValue);
        return dialog;
    }

    @Override
    protected void save() {
        OfficeView chosen = office.getValue();
        action.save(code.getValue(), name.getValue(), chosen == null ? null : chosen.id());
    }
}
