package io.jichao.admin.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;

import io.jichao.security.OperatorService;
import io.jichao.shared.DomainException;

/**
 * Gives an operator a new one-time password, for example after a lock-out or a forgotten
 * password; the operator must replace it at the next login.
 */
public class ResetPasswordDialog extends FormDialog {

    public static final String PASSWORD_ID = "reset-password";
    public static final String REPEAT_ID = "reset-password-repeat";

    private final PasswordField password = new PasswordField(getTranslation("password.new"));
    private final PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
    private final transient Consumer<String> action;

    public ResetPasswordDialog(String username, Consumer<String> action) {
        super("operators.resetPassword.title", username);
        this.action = action;
        password.setId(PASSWORD_ID);
        password.setHelperText(getTranslation("password.rule", OperatorService.MIN_PASSWORD_LENGTH));
        repeat.setId(REPEAT_ID);
        form.add(new Paragraph(getTranslation("operators.resetPassword.hint")), password, repeat);
        errors.on(password, "error.password.weak").on(repeat, "error.password.repeat");
    }

    @Override
    protected void save() {
        // A typo in a password nobody can see would lock the operator out, so it is typed twice.
        if (!password.getValue().equals(repeat.getValue())) {
            throw new DomainException("error.password.repeat");
        }
        action.accept(password.getValue());
    }
}
