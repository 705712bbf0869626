package io.jichao.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import io.jichao.shared.DomainException;

/** Short confirmations and readable errors, translated. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String key, Object... arguments) {
        Notification notification = Notification.show(UI.getCurrent().getTranslation(key, arguments), 3000,
                Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(DomainException e) {
        Notification notification = Notification.show(message(e), 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static String message(DomainException e) {
        return UI.getCurrent().getTranslation(e.messageKey(), e.arguments());
    }
}
