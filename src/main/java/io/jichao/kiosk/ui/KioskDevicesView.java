package io.jichao.kiosk.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;

import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructureService;
import io.jichao.kiosk.IssuedKiosk;
import io.jichao.kiosk.KioskDeviceRow;
import io.jichao.kiosk.KioskDeviceService;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Registers kiosk devices per building and revokes them. The registration address with the
 * device token is shown once, in a dialog; afterwards only its hash exists.
 */
@Route("kiosks")
@RolesAllowed(Role.SUPER_ADMIN_NAME)
public class KioskDevicesView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String BUILDING_ID = "kiosks-building";
    public static final String NAME_ID = "kiosks-name";
    public static final String REGISTER_ID = "kiosks-register";
    public static final String REVOKE_ID = "kiosks-revoke";
    public static final String GRID_ID = "kiosks-grid";
    public static final String ISSUED_URL_ID = "kiosks-issued-url";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient KioskDeviceService devices;
    private final Grid<KioskDeviceRow> grid = new Grid<>();
    private final Button revoke = new Button(getTranslation("kiosks.revoke"), VaadinIcon.BAN.create());

    public KioskDevicesView(KioskDeviceService devices, SiteStructureService structure) {
        this.devices = devices;
        setSizeFull();
        Select<BuildingView> building = new Select<>();
        building.setId(BUILDING_ID);
        building.setLabel(getTranslation("kiosks.building"));
        List<BuildingView> buildings = structure.buildings();
        building.setItems(buildings);
        building.setItemLabelGenerator(BuildingView::label);
        TextField name = new TextField(getTranslation("kiosks.name"));
        name.setId(NAME_ID);
        name.setMaxLength(100);
        Button register = new Button(getTranslation("kiosks.register"), VaadinIcon.PLUS.create(), click -> {
            if (building.getValue() == null) {
                Notifications.error(new DomainException("error.required", getTranslation("kiosks.building")));
                return;
            }
            try {
                showIssued(devices.register(building.getValue().id(), name.getValue()));
                name.clear();
                refresh();
            } catch (DomainException refused) {
                Notifications.error(refused);
            }
        });
        register.setId(REGISTER_ID);
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        revoke.setId(REVOKE_ID);
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(false);
        revoke.addClickListener(click -> grid.asSingleSelect().getOptionalValue().ifPresent(this::revoke));
        HorizontalLayout form = new HorizontalLayout(building, name, register, revoke);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId(GRID_ID);
        grid.addColumn(KioskDeviceRow::buildingLabel).setHeader(getTranslation("kiosks.building")).setAutoWidth(true);
        grid.addColumn(KioskDeviceRow::name).setHeader(getTranslation("kiosks.name")).setAutoWidth(true);
        grid.addColumn(KioskDeviceRow::issuedBy).setHeader(getTranslation("kiosks.issuedBy")).setAutoWidth(true);
        grid.addColumn(row -> TIME.format(row.issuedAt())).setHeader(getTranslation("kiosks.issuedAt")).setAutoWidth(true);
        grid.addColumn(row -> row.revoked() ? getTranslation("kiosks.revokedAt", TIME.format(row.revokedAt()))
                : getTranslation("kiosks.active")).setHeader(getTranslation("kiosks.state")).setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(event ->
                revoke.setEnabled(event.getValue() != null && !event.getValue().revoked()));
        add(new Paragraph(getTranslation("kiosks.help")), form, grid);
        refresh();
    }

    @Override
    public String pageTitleKey() {
        return "nav.kiosks";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }

    private void revoke(KioskDeviceRow row) {
        try {
            devices.revoke(row.id());
            Notifications.success("kiosks.revoked", row.name());
            refresh();
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private void refresh() {
        grid.setItems(devices.devices());
    }

    private void showIssued(IssuedKiosk issued) {
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        Span url = new Span(base + issued.path());
        url.setId(ISSUED_URL_ID);
        url.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("kiosks.issued.title"));
        dialog.add(new Paragraph(getTranslation("kiosks.issued.text")), url);
        Button close = new Button(getTranslation("action.close"), click -> dialog.close());
        dialog.getFooter().add(close);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }
}
