package io.jichao.notify.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructureService;
import io.jichao.notify.Contact;
import io.jichao.notify.NotificationAdminService;
import io.jichao.notify.NotificationService;
import io.jichao.notify.NotificationView;
import io.jichao.notify.NotifyFixtures;
import io.jichao.shared.DomainException;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

class NotificationsViewTest extends KaribuTest {

    private static final Map<String, String> RECHARGE = Map.of("amount", "5.00", "kwh", "6.25", "remaining", "9.00");

    @Autowired
    private NotificationAdminService admin;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    private NotificationService notifications;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private MeterService meters;
    @Autowired
    private UserDetailsService users;

    @Test
    void super_admin_orders_the_manager_contacts_of_a_building_and_saves_them() {
        BuildingView building = newBuilding();
        login("super");
        navigateTo("notifications");
        _setValue(byId(ComboBox.class, NotificationsView.BUILDING_ID), building);

        String first = NotifyFixtures.phone();
        String second = NotifyFixtures.phone();
        addContact("Wang", first, "zh-CN");
        addContact("Li", second, "en");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = byId(Grid.class, ContactsEditor.GRID_ID);
        GridKt._selectRow(grid, 1);
        click(ContactsEditor.UP_ID);
        click(ContactsEditor.SAVE_ID);

        assertThat(admin.contacts(building.id())).containsExactly(
                new Contact(building.id(), 0, "Li", second, "en"), new Contact(building.id(), 1, "Wang", first, "zh-CN"));
        assertThat(GridKt._getFormatted(grid, 0, "name")).isEqualTo("Li");
    }

    @Test
    void an_invalid_number_is_refused_with_a_message_and_nothing_is_saved() {
        BuildingView building = newBuilding();
        login("super");
        navigateTo("notifications");
        _setValue(byId(ComboBox.class, NotificationsView.BUILDING_ID), building);
        addContact("Wang", "12ab", "zh-CN");
        click(ContactsEditor.SAVE_ID);

        assertThat(NotificationsKt.getNotifications()).anySatisfy(n ->
                assertThat(n.getElement().getProperty("text")).contains("12ab").contains("not valid"));
        assertThat(admin.contacts(building.id())).isEmpty();
    }

    @Test
    void the_outbox_shows_the_districts_messages_with_their_state() {
        String phone = NotifyFixtures.phone();
        long meterId = new NotifyFixtures(meters, structure, users).meterWithPhones("A", List.of(phone));
        notifications.toHousehold(meterId, "sms.recharge.confirmed", RECHARGE, NotifyFixtures.key("view"));
        login("super");
        navigateTo("notifications");

        @SuppressWarnings("unchecked")
        Grid<NotificationView> outbox = byId(Grid.class, NotificationsView.OUTBOX_ID);
        NotificationView row = GridKt._findAll(outbox).stream().filter(m -> m.phone().equals(phone)).findFirst().orElseThrow();
        assertThat(GridKt._getFormatted(GridKt._getColumnByKey(outbox, "state"), row)).isEqualTo("Queued");
        assertThat(GridKt._getFormatted(GridKt._getColumnByKey(outbox, "text"), row)).contains("5.00");
    }

    @Test
    void a_message_of_the_log_sender_shows_as_logged_and_the_page_warns_of_the_development_sender() {
        String phone = NotifyFixtures.phone();
        long meterId = new NotifyFixtures(meters, structure, users).meterWithPhones("A", List.of(phone));
        notifications.toHousehold(meterId, "sms.recharge.confirmed", RECHARGE, NotifyFixtures.key("logged"));
        jdbc.update("UPDATE notification SET state = 'LOGGED' WHERE phone = ?", phone);
        login("super");
        navigateTo("notifications");

        @SuppressWarnings("unchecked")
        Grid<NotificationView> outbox = byId(Grid.class, NotificationsView.OUTBOX_ID);
        NotificationView row = GridKt._findAll(outbox).stream().filter(m -> m.phone().equals(phone)).findFirst().orElseThrow();
        assertThat(GridKt._getFormatted(GridKt._getColumnByKey(outbox, "state"), row)).isEqualTo("Logged only (development)");
        assertThat(byId(com.vaadin.flow.component.html.Span.class, NotificationsView.SENDER_WARNING_ID).getText())
                .contains("Development log sender");
    }

    @Test
    void the_service_keeps_contacts_and_outbox_inside_the_district() {
        String phoneInA = NotifyFixtures.phone();
        String phoneInC = NotifyFixtures.phone();
        NotifyFixtures fixtures = new NotifyFixtures(meters, structure, users);
        notifications.toHousehold(fixtures.meterWithPhones("A", List.of(phoneInA)), "sms.recharge.confirmed", RECHARGE,
                NotifyFixtures.key("district"));
        notifications.toHousehold(fixtures.meterWithPhones("C", List.of(phoneInC)), "sms.recharge.confirmed", RECHARGE,
                NotifyFixtures.key("district"));
        long buildingC = fixtures.buildingId("C");

        LoginSupport.loginAs(users, "clerk");
        assertThat(admin.outbox()).extracting(NotificationView::phone).contains(phoneInA).doesNotContain(phoneInC);
        assertThat(catchThrowable(() -> admin.contacts(buildingC))).isInstanceOf(DomainException.class)
                .hasMessageContaining("error.notify.building.district");
        long buildingA = fixtures.buildingId("A");
        LoginSupport.loginAs(users, "clerk");
        assertThat(catchThrowable(() -> admin.replaceContacts(buildingA, List.of())))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
    }

    @Test
    void a_recharge_clerk_cannot_open_the_page() {
        login("clerk");
        assertThat(catchThrowable(() -> navigateTo("notifications"))).isInstanceOf(MockAccessDeniedException.class);
    }

    private void addContact(String name, String phone, String language) {
        _setValue(byId(TextField.class, ContactsEditor.NAME_ID), name);
        _setValue(byId(TextField.class, ContactsEditor.PHONE_ID), phone);
        _setValue(byId(Select.class, ContactsEditor.LANGUAGE_ID), language);
        click(ContactsEditor.ADD_ID);
    }

    private BuildingView newBuilding() {
        LoginSupport.loginAs(users, "super");
        try {
            String code = "V" + NotifyFixtures.phone().substring(3);
            return structure.createBuilding(code, "View " + code, null);
        } finally {
            LoginSupport.logout();
        }
    }

    private static <T extends Component> T byId(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    private static void click(String id) {
        _click(byId(Button.class, id));
    }
}
