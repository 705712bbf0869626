package io.jichao.admin.ui;

import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;

import io.jichao.shared.DomainException;
import io.jichao.shared.ui.Notifications;

/**
 * Shows a service's refusal next to the field it concerns, or as a notification when it
 * concerns no field of the form. The services own the rules; forms only know which of their
 * fields a message key is about.
 */
final class FieldErrors {

    private static final String REQUIRED = "error.required";

    private final Map<String, HasValidation> fields = new HashMap<>();

    /** Routes these message keys to the field. */
    FieldErrors on(HasValidation field, String... messageKeys) {
        for (String key : messageKeys) {
            fields.put(key, field);
        }
        return this;
    }

    /** Routes {@code error.required} for this service field name (its first argument) to the field. */
    FieldErrors required(HasValidation field, String serviceFieldName) {
        fields.put(REQUIRED + ":" + serviceFieldName, field);
        return this;
    }

    void clear() {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    void show(DomainException e) {
        clear();
        Object[] arguments = e.arguments();
        HasValidation field = arguments.length > 0 && fields.containsKey(e.messageKey() + ":" + arguments[0])
                ? fields.get(e.messageKey() + ":" + arguments[0])
                : fields.get(e.messageKey());
        if (field == null) {
            Notifications.error(e);
            return;
        }
        // Next to the field its label already names what is missing; the service's own argument
        // is an internal field name, not something to show.
        field.setErrorMessage(REQUIRED.equals(e.messageKey())
                ? UI.getCurrent().getTranslation("error.required.field")
                : Notifications.message(e));
        field.setInvalid(true);
    }
}
