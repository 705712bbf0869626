package io.jichao.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.home.ui.HomeView;
import io.jichao.security.OperatorService;
import io.jichao.security.OperatorService.OperatorDraft;
import io.jichao.security.Role;
import io.jichao.shared.ui.Languages;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

class LoginAndPasswordTest extends KaribuTest {

    @Autowired
    private OperatorService operators;
    @Autowired
    private UserDetailsService users;

    @Test
    void anonymous_visitor_is_sent_to_the_login_form() {
        navigateTo("");
        _get(LoginForm.class, spec -> spec.withId(LoginView.FORM_ID));
        _assertNone(HomeView.class);
    }

    @Test
    void login_page_switches_between_chinese_and_english() {
        UI.getCurrent().setLocale(Languages.CHINESE);
        navigateTo("login");
        assertThat(tagline()).isEqualTo("预付费电能计量与远程自动抄表系统");
        @SuppressWarnings("unchecked")
        Select<Locale> languages = _get(Select.class, spec -> spec.withId(Languages.SWITCH_ID));
        HasValueUtilsKt._setValue(languages, Languages.ENGLISH);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Languages.ENGLISH);
        navigateTo("login");
        assertThat(tagline()).isEqualTo("Prepaid electricity metering and automatic meter reading");
    }

    private static String tagline() {
        return _get(Paragraph.class, spec -> spec.withId(LoginView.TAGLINE_ID)).getText();
    }

    @Test
    void an_operator_with_a_one_time_password_must_change_it_before_anything_else() {
        String username = "new" + UUID.randomUUID().toString().substring(0, 8);
        LoginSupport.loginAs(users, "super");
        operators.create(new OperatorDraft(username, "New Clerk", Set.of(Role.RECHARGE_CLERK), true, Set.of(),
                Set.of(), null), "OneTime123");

        login(username);
        navigateTo("");
        _get(ChangePasswordView.class);

        _get(PasswordField.class, spec -> spec.withId(ChangePasswordView.CURRENT_ID)).setValue("OneTime123");
        _get(PasswordField.class, spec -> spec.withId(ChangePasswordView.NEW_ID)).setValue("short");
        _get(PasswordField.class, spec -> spec.withId(ChangePasswordView.REPEAT_ID)).setValue("short");
        ButtonKt._click(_get(Button.class, spec -> spec.withId(ChangePasswordView.SAVE_ID)));
        assertThat(operators.mustChangePassword()).as("a weak password is refused").isTrue();

        _get(PasswordField.class, spec -> spec.withId(ChangePasswordView.NEW_ID)).setValue("MyOwnPass42");
        _get(PasswordField.class, spec -> spec.withId(ChangePasswordView.REPEAT_ID)).setValue("MyOwnPass42");
        ButtonKt._click(_get(Button.class, spec -> spec.withId(ChangePasswordView.SAVE_ID)));
        assertThat(operators.mustChangePassword()).isFalse();
        _get(HomeView.class);
    }
}
