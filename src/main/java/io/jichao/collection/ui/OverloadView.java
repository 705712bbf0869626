package io.jichao.collection.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.IntSupplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructureService;
import io.jichao.collection.control.OverloadService;
import io.jichao.collection.control.OverloadSetting;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Overload parameters in bulk (issue 6 item 2, R10): the meters of a building of the district with
 * their desired, verified values and state; set values for the selected meters or the whole
 * building. Setting queues them; the engine's job writes and verifies (press refresh to follow).
 */
@Route("collection/overload")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.MAINTAINER_NAME})
public class OverloadView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String BUILDING_ID = "overload-building";
    public static final String GRID_ID = "overload-grid";
    public static final String MAX_ID = "overload-bulk-max";
    public static final String SUDDEN_ID = "overload-bulk-sudden";
    public static final String APPLY_SELECTED_ID = "overload-apply-selected";
    public static final String APPLY_BUILDING_ID = "overload-apply-building";
    public static final String REFRESH_ID = "overload-refresh";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient OverloadService overloads;
    private final ComboBox<BuildingView> building = new ComboBox<>();
    private final Grid<OverloadSetting> grid = new Grid<>();
    private final BigDecimalField max = new BigDecimalField();
    private final BigDecimalField sudden = new BigDecimalField();

    public OverloadView(OverloadService overloads, SiteStructureService structure) {
        this.overloads = overloads;
        setSizeFull();
        building.setId(BUILDING_ID);
        building.setLabel(getTranslation("control.overload.building"));
        building.setItemLabelGenerator(b -> b.code() + " " + b.name());
        building.setItems(structure.buildings());
        building.addValueChangeListener(event -> refresh());
        max.setId(MAX_ID);
        max.setLabel(getTranslation("control.overload.max"));
        sudden.setId(SUDDEN_ID);
        sudden.setLabel(getTranslation("control.overload.sudden"));
        Button selected = new Button(getTranslation("control.overload.apply.selected"), click -> applySelected());
        selected.setId(APPLY_SELECTED_ID);
        selected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button whole = new Button(getTranslation("control.overload.apply.building"), click -> applyBuilding());
        whole.setId(APPLY_BUILDING_ID);
        Button refresh = new Button(getTranslation("control.refresh"), click -> refresh());
        refresh.setId(REFRESH_ID);
        HorizontalLayout form = new HorizontalLayout(building, max, sudden, selected, whole, refresh);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        grid.setId(GRID_ID);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(OverloadSetting::address).setHeader(getTranslation("control.col.address")).setAutoWidth(true);
        grid.addColumn(s -> OverloadTexts.pair(s.desiredMaxPowerKw(), s.desiredSuddenPowerKw()))
                .setHeader(getTranslation("control.col.desired"));
        grid.addColumn(s -> OverloadTexts.pair(s.verifiedMaxPowerKw(), s.verifiedSuddenPowerKw()))
                .setHeader(getTranslation("control.col.verified"));
        grid.addColumn(s -> OverloadTexts.stateName(this, s)).setHeader(getTranslation("control.col.state"));
        grid.addColumn(OverloadSetting::attempts).setHeader(getTranslation("control.col.attempts"));
        grid.addColumn(s -> s.lastError() == null ? "" : s.lastError()).setHeader(getTranslation("control.col.error"))
                .setFlexGrow(2);
        grid.addColumn(s -> s.requestedBy() == null ? "" : s.requestedBy() + " " + TIME.format(s.requestedAt()))
                .setHeader(getTranslation("control.col.by"));
        add(form, grid);
    }

    private void refresh() {
        grid.setItems(building.getValue() == null ? List.of() : overloads.building(building.getValue().id()));
    }

    private void applySelected() {
        List<Long> ids = grid.getSelectedItems().stream().map(OverloadSetting::meterId).toList();
        apply(() -> overloads.set(ids, max.getValue(), sudden.getValue()));
    }

    private void applyBuilding() {
        if (building.getValue() != null) {
            apply(() -> overloads.setBuilding(building.getValue().id(), max.getValue(), sudden.getValue()));
        }
    }

    private void apply(IntSupplier setting) {
        try {
            Notifications.success("control.overload.saved", setting.getAsInt());
            refresh();
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    @Override
    public String pageTitleKey() {
        return "control.overload.page";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
