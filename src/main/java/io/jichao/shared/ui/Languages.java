package io.jichao.shared.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * The two languages: Simplified Chinese by default, English on request. The choice is kept in
 * the Vaadin session so it survives navigation and the login.
 */
@Component
public class Languages implements VaadinServiceInitListener {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);
    public static final String SWITCH_ID = "language-switch";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> {
            VaadinSession session = uiEvent.getUI().getSession();
            Locale chosen = session.getAttribute(Locale.class);
            uiEvent.getUI().setLocale(chosen != null ? chosen : CHINESE);
        });
    }

    /** A select that switches the UI language and remembers it for the session. */
    public static Select<Locale> languageSwitch() {
        Select<Locale> select = new Select<>();
        select.setId(SWITCH_ID);
        select.setItems(SUPPORTED);
        select.setItemLabelGenerator(locale -> locale.equals(CHINESE) ? "简体中文" : "English");
        UI ui = UI.getCurrent();
        select.setValue(ui != null && ui.getLocale().getLanguage().equals("en") ? ENGLISH : CHINESE);
        select.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                switchTo(event.getValue());
            }
        });
        select.setWidth("9em");
        return select;
    }

    public static void switchTo(Locale locale) {
        VaadinSession.getCurrent().setAttribute(Locale.class, locale);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().getPage().reload();
    }

    static boolean available() {
        return VaadinService.getCurrent() != null;
    }
}
