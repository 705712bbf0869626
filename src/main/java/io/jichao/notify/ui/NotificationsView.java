package io.jichao.notify.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructureService;
import io.jichao.notify.NotificationAdminService;
import io.jichao.notify.NotificationView;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * SMS notifications (R11): the manager contacts of a building, in the order an alert escalates
 * through them, and the district's outbox with state, attempts, last error and receipt.
 */
@Route("notifications")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.MAINTAINER_NAME})
public class NotificationsView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String BUILDING_ID = "notifications-building";
    public static final String SENDER_WARNING_ID = "notifications-sender-warning";
    public static final String OUTBOX_ID = "notifications-outbox";
    public static final String REFRESH_ID = "notifications-refresh";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient NotificationAdminService notifications;
    private final ComboBox<BuildingView> building = new ComboBox<>();
    private final ContactsEditor contacts = new ContactsEditor();
    private final Grid<NotificationView> outbox = new Grid<>();

    public NotificationsView(NotificationAdminService notifications, SiteStructureService structure) {
        this.notifications = notifications;
        setSizeFull();

        building.setId(BUILDING_ID);
        building.setLabel(getTranslation("notifications.building"));
        building.setItems(structure.buildings());
        building.setItemLabelGenerator(BuildingView::label);
        building.addValueChangeListener(change -> showContacts());
        contacts.setVisible(false);
        contacts.addSaveListener(save -> {
            try {
                contacts.setContacts(notifications.replaceContacts(building.getValue().id(), save.contacts()));
                Notifications.success("notifications.contacts.saved");
            } catch (DomainException e) {
                Notifications.error(e);
            }
        });

        outbox.setId(OUTBOX_ID);
        outbox.addColumn(m -> time(m.createdAt())).setHeader(getTranslation("notifications.col.created")).setKey("created").setAutoWidth(true);
        outbox.addColumn(NotificationView::phone).setHeader(getTranslation("notifications.col.phone")).setKey("phone").setAutoWidth(true);
        outbox.addColumn(NotificationView::body).setHeader(getTranslation("notifications.col.text")).setKey("text").setFlexGrow(1);
        outbox.addColumn(m -> getTranslation("notifications.state." + m.state().name())).setHeader(getTranslation("notifications.col.state")).setKey("state").setAutoWidth(true);
        outbox.addColumn(NotificationView::attempts).setHeader(getTranslation("notifications.col.attempts")).setKey("attempts").setAutoWidth(true);
        outbox.addColumn(m -> time(m.nextAttemptAt())).setHeader(getTranslation("notifications.col.next")).setKey("next").setAutoWidth(true);
        outbox.addColumn(NotificationView::lastError).setHeader(getTranslation("notifications.col.error")).setKey("error").setAutoWidth(true);
        outbox.addColumn(NotificationView::receipt).setHeader(getTranslation("notifications.col.receipt")).setKey("receipt").setAutoWidth(true);
        Button refresh = new Button(getTranslation("notifications.refresh"), VaadinIcon.REFRESH.create(), click -> showOutbox());
        refresh.setId(REFRESH_ID);

        notifications.senderWarning().ifPresent(key -> {
            Span warning = new Span(getTranslation(key));
            warning.setId(SENDER_WARNING_ID);
            warning.getElement().getThemeList().add("badge warning");
            add(warning);
        });
        add(new H3(getTranslation("notifications.contacts")), building, contacts,
                new H3(getTranslation("notifications.outbox")), refresh, outbox);
        showOutbox();
    }

    private void showContacts() {
        if (building.getValue() == null) {
            contacts.setVisible(false);
            return;
        }
        try {
            contacts.setContacts(notifications.contacts(building.getValue().id()));
            contacts.setVisible(true);
        } catch (DomainException e) {
            contacts.setVisible(false);
            Notifications.error(e);
        }
    }

    private void showOutbox() {
        outbox.setItems(notifications.outbox());
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    @Override
    public String pageTitleKey() {
        return "nav.notifications";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
