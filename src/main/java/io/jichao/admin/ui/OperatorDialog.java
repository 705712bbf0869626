package io.jichao.admin.ui;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.OfficeView;
import io.jichao.security.OperatorService;
import io.jichao.security.OperatorService.OperatorDraft;
import io.jichao.security.OperatorService.OperatorSummary;
import io.jichao.security.Role;

/**
 * Creates or edits an operator: name, roles, district (the whole site, or buildings and single
 * distribution boxes) and property office; a new operator also gets a one-time password.
 */
public class OperatorDialog extends FormDialog {

    public static final String USERNAME_ID = "operator-username";
    public static final String DISPLAY_NAME_ID = "operator-display-name";
    public static final String ROLES_ID = "operator-roles";
    public static final String WHOLE_SITE_ID = "operator-whole-site";
    public static final String BUILDINGS_ID = "operator-buildings";
    public static final String BOXES_ID = "operator-boxes";
    public static final String OFFICE_ID = "operator-office";
    public static final String PASSWORD_ID = "operator-password";

    /** What saving does; the password is null when editing. */
    @FunctionalInterface
    public interface SaveAction {
        void save(OperatorDraft draft, String initialPassword);
    }

    private final TextField username = new TextField(getTranslation("operators.username"));
    private final TextField displayName = new TextField(getTranslation("operators.displayName"));
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("operators.roles"));
    private final Checkbox wholeSite = new Checkbox(getTranslation("operators.district.wholeSite"));
    private final MultiSelectComboBox<BuildingView> buildings =
            new MultiSelectComboBox<>(getTranslation("operators.district.buildings"));
    private final MultiSelectComboBox<BoxView> boxes = new MultiSelectComboBox<>(getTranslation("operators.district.boxes"));
    private final ComboBox<OfficeView> office = new ComboBox<>(getTranslation("operators.office"));
    private final PasswordField password = new PasswordField(getTranslation("operators.initialPassword"));
    private final boolean creating;
    private final transient SaveAction action;

    private OperatorDialog(String titleKey, SiteChoices choices, boolean creating, SaveAction action) {
        super(titleKey);
        this.creating = creating;
        this.action = action;
        username.setId(USERNAME_ID);
        username.setMaxLength(50);
        username.setReadOnly(!creating);
        displayName.setId(DISPLAY_NAME_ID);
        displayName.setMaxLength(100);
        roles.setId(ROLES_ID);
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        wholeSite.setId(WHOLE_SITE_ID);
        wholeSite.addValueChangeListener(event -> showDistrictChoice());
        buildings.setId(BUILDINGS_ID);
        buildings.setItems(choices.buildings());
        buildings.setItemLabelGenerator(BuildingView::label);
        boxes.setId(BOXES_ID);
        boxes.setItems(choices.boxes());
        boxes.setItemLabelGenerator(choices::boxLabel);
        office.setId(OFFICE_ID);
        office.setItems(choices.offices());
        office.setItemLabelGenerator(OfficeView::name);
        office.setClearButtonVisible(true);
        office.setHelperText(getTranslation("operators.office.hint"));
        password.setId(PASSWORD_ID);
        password.setHelperText(getTranslation("operators.initialPassword.hint", OperatorService.MIN_PASSWORD_LENGTH));
        password.setVisible(creating);
        form.add(username, displayName, roles, wholeSite, buildings, boxes, office, password);
        errors.on(username, "error.operator.username.invalid", "error.operator.username.taken")
                .required(displayName, "displayName")
                .on(roles, "error.operator.roles.required", "error.operator.cannot.demote.self")
                .on(buildings, "error.operator.district.required")
                .on(password, "error.password.weak");
    }

    public static OperatorDialog forNew(SiteChoices choices, SaveAction action) {
        OperatorDialog dialog = new OperatorDialog("operators.new", choices, true, action);
        dialog.showDistrictChoice();
        return dialog;
    }

    public static OperatorDialog forExisting(SiteChoices choices, OperatorSummary operator, SaveAction action) {
        OperatorDialog dialog = new OperatorDialog("operators.edit", choices, false, action);
        dialog.username.setValue(operator.username());
        dialog.displayName.setValue(operator.displayName());
        dialog.roles.setValue(operator.roles());
        dialog.wholeSite.setValue(operator.wholeSite());
        dialog.buildings.setValue(choices.buildingsWithIds(operator.buildingIds()));
        dialog.boxes.setValue(choices.boxesWithIds(operator.boxIds()));
        dialog.office.setValue(choices.office(operator.propertyOfficeId()));
        dialog.showDistrictChoice();
        return dialog;
    }

    /** Buildings and boxes only mean something when the district is not the whole site. */
    private void showDistrictChoice() {
        buildings.setEnabled(!wholeSite.getValue());
        boxes.setEnabled(!wholeSite.getValue());
    }

    @Override
    protected void save() {
        boolean whole = wholeSite.getValue();
        Set<Long> buildingIds = whole ? Set.of() : buildings.getValue().stream().map(BuildingView::id)
                .collect(Collectors.toSet());
        Set<Long> boxIds = whole ? Set.of() : boxes.getValue().stream().map(BoxView::id).collect(Collectors.toSet());
        Set<Role> chosenRoles = roles.getValue().isEmpty() ? Set.of() : EnumSet.copyOf(roles.getValue());
        OfficeView chosenOffice = office.getValue();
        OperatorDraft draft = new OperatorDraft(username.getValue(), displayName.getValue(), chosenRoles, whole,
                buildingIds, boxIds, chosenOffice == null ? null : chosenOffice.id());
        action.save(draft, creating ? password.getValue() : null);
    }
}
