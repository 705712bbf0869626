package io.jichao.admin.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.archive.SiteStructureService;
import io.jichao.security.OperatorService;
import io.jichao.security.OperatorService.OperatorSummary;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/** Operator administration (R5): who may log in, with which roles, in which district. */
@Route("operators")
@RolesAllowed(Role.SUPER_ADMIN_NAME)
public class OperatorsView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String GRID_ID = "operators-grid";
    public static final String NEW_ID = "operators-new";
    public static final String EDIT_ID = "operators-edit";
    public static final String TOGGLE_ENABLED_ID = "operators-toggle-enabled";
    public static final String RESET_PASSWORD_ID = "operators-reset-password";

    private final transient OperatorService operators;
    private final transient SiteStructureService structure;
    private final Grid<OperatorSummary> grid = new Grid<>();
    private final Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create());
    private final Button toggleEnabled = new Button(getTranslation("action.disable"));
    private final Button resetPassword = new Button(getTranslation("operators.resetPassword"), VaadinIcon.KEY.create());
    private SiteChoices choices;

    public OperatorsView(OperatorService operators, SiteStructureService structure) {
        this.operators = operators;
        this.structure = structure;
        setSizeFull();

        Button create = new Button(getTranslation("action.new"), VaadinIcon.PLUS.create(), click -> openNew());
        create.setId(NEW_ID);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        edit.setId(EDIT_ID);
        edit.addClickListener(click -> selected().ifPresent(this::openEdit));
        toggleEnabled.setId(TOGGLE_ENABLED_ID);
        toggleEnabled.addClickListener(click -> selected().ifPresent(this::toggleEnabled));
        resetPassword.setId(RESET_PASSWORD_ID);
        resetPassword.addClickListener(click -> selected().ifPresent(this::openResetPassword));

        grid.setId(GRID_ID);
        grid.addColumn(OperatorSummary::username).setHeader(getTranslation("operators.username")).setKey("username")
                .setAutoWidth(true).setSortable(true);
        grid.addColumn(OperatorSummary::displayName).setHeader(getTranslation("operators.displayName"))
                .setKey("displayName").setAutoWidth(true);
        grid.addColumn(this::roles).setHeader(getTranslation("operators.roles")).setKey("roles").setAutoWidth(true);
        grid.addColumn(this::district).setHeader(getTranslation("operators.district")).setKey("district")
                .setFlexGrow(1);
        grid.addColumn(operator -> yesNo(operator.enabled())).setHeader(getTranslation("operators.enabled"))
                .setKey("enabled").setAutoWidth(true);
        grid.addColumn(operator -> yesNo(operator.locked())).setHeader(getTranslation("operators.locked"))
                .setKey("locked").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(event -> updateActions());

        add(new HorizontalLayout(create, edit, toggleEnabled, resetPassword), grid);
        refresh(null);
    }

    private void openNew() {
        OperatorDialog.forNew(choices, (draft, password) -> {
            OperatorSummary created = operators.create(draft, password);
            Notifications.success("operators.done.created", created.username());
            refresh(created.id());
        }).open();
    }

    private void openEdit(OperatorSummary operator) {
        OperatorDialog.forExisting(choices, operator, (draft, password) -> {
            OperatorSummary saved = operators.update(operator.id(), draft);
            Notifications.success("operators.done.saved", saved.username());
            refresh(saved.id());
        }).open();
    }

    private void toggleEnabled(OperatorSummary operator) {
        try {
            operators.setEnabled(operator.id(), !operator.enabled());
            Notifications.success(operator.enabled() ? "operators.done.disabled" : "operators.done.enabled",
                    operator.username());
            refresh(operator.id());
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    private void openResetPassword(OperatorSummary operator) {
        new ResetPasswordDialog(operator.username(), password -> {
            operators.resetPassword(operator.id(), password);
            Notifications.success("operators.done.passwordReset", operator.username());
            refresh(operator.id());
        }).open();
    }

    /** Reloads the operators and the site's buildings and boxes, and selects the given operator again. */
    private void refresh(Long selectId) {
        choices = SiteChoices.load(structure);
        List<OperatorSummary> all = operators.list().stream()
                .sorted(Comparator.comparing(OperatorSummary::username)).toList();
        grid.setItems(all);
        all.stream().filter(o -> selectId != null && o.id() == selectId).findFirst().ifPresent(grid::select);
        updateActions();
    }

    private Optional<OperatorSummary> selected() {
        return grid.asSingleSelect().getOptionalValue();
    }

    private void updateActions() {
        Optional<OperatorSummary> operator = selected();
        edit.setEnabled(operator.isPresent());
        resetPassword.setEnabled(operator.isPresent());
        toggleEnabled.setEnabled(operator.isPresent());
        boolean enabled = operator.map(OperatorSummary::enabled).orElse(true);
        toggleEnabled.setText(getTranslation(enabled ? "action.disable" : "action.enable"));
        toggleEnabled.setIcon(enabled ? VaadinIcon.BAN.create() : VaadinIcon.CHECK.create());
    }

    private String roles(OperatorSummary operator) {
        return operator.roles().stream().sorted()
                .map(role -> getTranslation("role." + role.name()))
                .collect(Collectors.joining(", "));
    }

    private String district(OperatorSummary operator) {
        if (operator.wholeSite()) {
            return getTranslation("operators.district.wholeSite");
        }
        List<String> parts = new ArrayList<>();
        if (!operator.buildingIds().isEmpty()) {
            parts.add(getTranslation("operators.district.summary.buildings", choices.buildingCodes(operator.buildingIds())));
        }
        if (!operator.boxIds().isEmpty()) {
            parts.add(getTranslation("operators.district.summary.boxes", choices.boxCodes(operator.boxIds())));
        }
        return String.join("; ", parts);
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "common.yes" : "common.no");
    }

    @Override
    public String pageTitleKey() {
        return "nav.operators";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
