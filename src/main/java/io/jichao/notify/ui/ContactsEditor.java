package io.jichao.notify.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import io.jichao.notify.Contact;
import io.jichao.notify.NotificationAdminService.ContactDraft;

/**
 * An ordered list of manager contacts being edited: add, move up, remove, then save (a typed
 * event with the whole list; the service checks and stores it).
 */
public class ContactsEditor extends VerticalLayout {

    public static final String GRID_ID = "contacts-grid";
    public static final String NAME_ID = "contacts-name";
    public static final String PHONE_ID = "contacts-phone";
    public static final String LANGUAGE_ID = "contacts-language";
    public static final String ADD_ID = "contacts-add";
    public static final String UP_ID = "contacts-up";
    public static final String REMOVE_ID = "contacts-remove";
    public static final String SAVE_ID = "contacts-save";

    private final List<ContactDraft> drafts = new ArrayList<>();
    private final Grid<ContactDraft> grid = new Grid<>();
    private final TextField name = new TextField(getTranslation("notifications.contact.name"));
    private final TextField phone = new TextField(getTranslation("notifications.contact.phone"));
    private final Select<String> language = new Select<>();

    public ContactsEditor() {
        setPadding(false);
        grid.setId(GRID_ID);
        grid.addColumn(d -> drafts.indexOf(d) + 1).setHeader("#").setKey("position").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ContactDraft::name).setHeader(getTranslation("notifications.contact.name")).setKey("name");
        grid.addColumn(ContactDraft::phone).setHeader(getTranslation("notifications.contact.phone")).setKey("phone");
        grid.addColumn(d -> getTranslation("notifications.language." + d.language()))
                .setHeader(getTranslation("notifications.contact.language")).setKey("language");
        grid.setAllRowsVisible(true);

        name.setId(NAME_ID);
        phone.setId(PHONE_ID);
        language.setId(LANGUAGE_ID);
        language.setLabel(getTranslation("notifications.contact.language"));
        language.setItems("zh-CN", "en");
        language.setItemLabelGenerator(tag -> getTranslation("notifications.language." + tag));
        language.setValue("zh-CN");
        Button add = new Button(getTranslation("notifications.contact.add"), VaadinIcon.PLUS.create(), click -> add());
        add.setId(ADD_ID);
        Button up = new Button(getTranslation("notifications.contact.up"), VaadinIcon.ARROW_UP.create(), click -> moveUp());
        up.setId(UP_ID);
        Button remove = new Button(getTranslation("notifications.contact.remove"), VaadinIcon.TRASH.create(), click -> remove());
        remove.setId(REMOVE_ID);
        Button save = new Button(getTranslation("notifications.contacts.save"), VaadinIcon.CHECK.create(),
                click -> fireEvent(new SaveEvent(this, List.copyOf(drafts))));
        save.setId(SAVE_ID);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout form = new HorizontalLayout(name, phone, language, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(grid, form, new HorizontalLayout(up, remove, save));
    }

    public void setContacts(List<Contact> contacts) {
        drafts.clear();
        contacts.forEach(c -> drafts.add(new ContactDraft(c.name(), c.phone(), c.language())));
        grid.setItems(drafts);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    private void add() {
        drafts.add(new ContactDraft(name.getValue(), phone.getValue(), language.getValue()));
        name.clear();
        phone.clear();
        grid.setItems(drafts);
    }

    private void moveUp() {
        grid.asSingleSelect().getOptionalValue().ifPresent(draft -> {
            int at = drafts.indexOf(draft);
            if (at > 0) {
                drafts.remove(at);
                drafts.add(at - 1, draft);
                grid.setItems(drafts);
                grid.select(draft);
            }
        });
    }

    private void remove() {
        grid.asSingleSelect().getOptionalValue().ifPresent(draft -> {
            drafts.remove(draft);
            grid.setItems(drafts);
        });
    }

    /** Save the list as shown, first contact first. */
    public static class SaveEvent extends ComponentEvent<ContactsEditor> {
        private final List<ContactDraft> contacts;

        SaveEvent(ContactsEditor source, List<ContactDraft> contacts) {
            super(source, false);
            this.contacts = contacts;
        }

        public List<ContactDraft> contacts() {
            return contacts;
        }
    }
}
