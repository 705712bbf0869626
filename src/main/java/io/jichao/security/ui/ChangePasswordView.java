package io.jichao.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import io.jichao.security.OperatorService;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/** Where an operator sets a new password; operators with a one-time password are sent here first. */
@Route("password")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String CURRENT_ID = "password-current";
    public static final String NEW_ID = "password-new";
    public static final String REPEAT_ID = "password-repeat";
    public static final String SAVE_ID = "password-save";

    public ChangePasswordView(OperatorService operators) {
        setMaxWidth("28em");
        PasswordField current = new PasswordField(getTranslation("password.current"));
        current.setId(CURRENT_ID);
        PasswordField fresh = new PasswordField(getTranslation("password.new"));
        fresh.setId(NEW_ID);
        fresh.setHelperText(getTranslation("password.rule", OperatorService.MIN_PASSWORD_LENGTH));
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        repeat.setId(REPEAT_ID);
        for (PasswordField field : new PasswordField[] {current, fresh, repeat}) {
            field.setWidthFull();
        }
        Button save = new Button(getTranslation("action.save"), click -> {
            repeat.setInvalid(false);
            if (!fresh.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("error.password.repeat"));
                repeat.setInvalid(true);
                return;
            }
            try {
                operators.changeOwnPassword(current.getValue(), fresh.getValue());
                Notifications.success("password.changed");
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (DomainException e) {
                Notifications.error(e);
            }
        });
        save.setId(SAVE_ID);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("password.change.title")), new Paragraph(getTranslation("password.change.hint")),
                current, fresh, repeat, save);
    }

    @Override
    public String pageTitleKey() {
        return "password.change.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
