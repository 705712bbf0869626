package io.jichao.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.jichao.admin.ui.AdminUi.byId;
import static io.jichao.admin.ui.AdminUi.cell;
import static io.jichao.admin.ui.AdminUi.click;
import static io.jichao.admin.ui.AdminUi.grid;
import static io.jichao.admin.ui.AdminUi.rows;
import static io.jichao.admin.ui.AdminUi.save;
import static io.jichao.admin.ui.AdminUi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructureService;
import io.jichao.security.OperatorService;
import io.jichao.security.OperatorService.OperatorDraft;
import io.jichao.security.OperatorService.OperatorSummary;
import io.jichao.security.Role;
import io.jichao.security.ui.ChangePasswordView;
import io.jichao.testing.KaribuTest;

class OperatorsViewTest extends KaribuTest {

    private static final String PASSWORD = "Start2026x";

    @Autowired
    private OperatorService operators;

    @Autowired
    private SiteStructureService structure;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Test
    void super_admin_creates_an_operator_with_a_district_who_must_change_the_password_at_first_login() {
        openAsSuperAdmin();
        BuildingView buildingC = building("C");
        BoxView boxOfA = structure.allBoxes().stream().filter(box -> box.code().equals("A1-1")).findFirst().orElseThrow();
        String username = unique("clerk.c.");

        click(OperatorsView.NEW_ID);
        fillNewOperator(username, Set.of(Role.RECHARGE_CLERK), PASSWORD);
        _setValue(byId(MultiSelectComboBox.class, OperatorDialog.BUILDINGS_ID), Set.of(buildingC));
        _setValue(byId(MultiSelectComboBox.class, OperatorDialog.BOXES_ID), Set.of(boxOfA));
        save();

        Grid<OperatorSummary> grid = grid(OperatorsView.GRID_ID);
        OperatorSummary created = row(grid, username);
        assertThat(created.buildingIds()).containsExactly(buildingC.id());
        assertThat(created.boxIds()).containsExactly(boxOfA.id());
        assertThat(cell(grid, "district", created)).isEqualTo("Buildings C; Boxes A/A1-1");
        assertThat(cell(grid, "roles", created)).isEqualTo("Recharge clerk");
        assertThat(grid.asSingleSelect().getValue()).isEqualTo(created);

        assertThat(authenticate(username, PASSWORD).isAuthenticated()).isTrue();
        login(username);
        assertThat(operators.mustChangePassword()).isTrue();
        navigateTo("");
        _get(ChangePasswordView.class);
    }

    @Test
    void a_weak_initial_password_is_refused_and_nothing_is_saved() {
        openAsSuperAdmin();
        int before = operators.list().size();
        String username = unique("weak.");

        click(OperatorsView.NEW_ID);
        fillNewOperator(username, Set.of(Role.FINANCE), "short1");
        _setValue(byId(Checkbox.class, OperatorDialog.WHOLE_SITE_ID), true);
        save();

        PasswordField password = byId(PasswordField.class, OperatorDialog.PASSWORD_ID);
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("at least 8 characters");
        assertThat(operators.list()).hasSize(before).noneMatch(o -> o.username().equals(username));
    }

    @Test
    void a_duplicate_username_is_refused_and_nothing_is_saved() {
        openAsSuperAdmin();
        int before = operators.list().size();

        click(OperatorsView.NEW_ID);
        fillNewOperator("clerk", Set.of(Role.FINANCE), PASSWORD);
        _setValue(byId(Checkbox.class, OperatorDialog.WHOLE_SITE_ID), true);
        save();

        TextField username = byId(TextField.class, OperatorDialog.USERNAME_ID);
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("The username clerk is already taken.");
        assertThat(operators.list()).hasSize(before);
    }

    @Test
    void an_operator_without_a_district_is_refused_and_nothing_is_saved() {
        openAsSuperAdmin();
        int before = operators.list().size();
        String username = unique("nodistrict.");

        click(OperatorsView.NEW_ID);
        fillNewOperator(username, Set.of(Role.RECHARGE_CLERK), PASSWORD);
        save();

        MultiSelectComboBox<?> buildings = byId(MultiSelectComboBox.class, OperatorDialog.BUILDINGS_ID);
        assertThat(buildings.isInvalid()).isTrue();
        assertThat(buildings.getErrorMessage()).startsWith("Choose a district");
        assertThat(operators.list()).hasSize(before).noneMatch(o -> o.username().equals(username));
    }

    @Test
    void super_admin_widens_an_operator_district_to_the_whole_site_and_adds_a_role() {
        login("super");
        String username = createOperator();
        navigateTo("operators");
        Grid<OperatorSummary> grid = selectOperator(username);

        click(OperatorsView.EDIT_ID);
        assertThat(byId(TextField.class, OperatorDialog.USERNAME_ID).isReadOnly()).isTrue();
        _assertNone(PasswordField.class, spec -> spec.withId(OperatorDialog.PASSWORD_ID));
        _setValue(byId(Checkbox.class, OperatorDialog.WHOLE_SITE_ID), true);
        assertThat(byId(MultiSelectComboBox.class, OperatorDialog.BUILDINGS_ID).isEnabled()).isFalse();
        _setValue(roles(), Set.of(Role.RECHARGE_CLERK, Role.FINANCE));
        save();

        OperatorSummary saved = row(grid, username);
        assertThat(saved.wholeSite()).isTrue();
        assertThat(saved.buildingIds()).isEmpty();
        assertThat(saved.roles()).containsExactlyInAnyOrder(Role.RECHARGE_CLERK, Role.FINANCE);
        assertThat(cell(grid, "district", saved)).isEqualTo("Whole site");
    }

    @Test
    void super_admin_cannot_disable_the_own_account() {
        openAsSuperAdmin();
        Grid<OperatorSummary> grid = selectOperator("super");

        click(OperatorsView.TOGGLE_ENABLED_ID);

        assertThat(AdminUi.notificationTexts()).contains("You cannot disable yourself.");
        assertThat(row(grid, "super").enabled()).isTrue();
    }

    @Test
    void super_admin_disables_an_operator_who_then_cannot_log_in() {
        login("super");
        String username = createOperator();
        navigateTo("operators");
        Grid<OperatorSummary> grid = selectOperator(username);

        Button toggle = byId(Button.class, OperatorsView.TOGGLE_ENABLED_ID);
        assertThat(toggle.getText()).isEqualTo("Disable");
        click(OperatorsView.TOGGLE_ENABLED_ID);

        OperatorSummary disabled = row(grid, username);
        assertThat(disabled.enabled()).isFalse();
        assertThat(cell(grid, "enabled", disabled)).isEqualTo("No");
        assertThat(toggle.getText()).isEqualTo("Enable");
        assertThat(users.loadUserByUsername(username).isEnabled()).isFalse();
    }

    @Test
    void super_admin_resets_a_password_that_must_be_changed_at_the_next_login() {
        login("super");
        String username = createOperator();
        login(username);
        operators.changeOwnPassword(PASSWORD, "Own2026pass");
        assertThat(operators.mustChangePassword()).isFalse();

        openAsSuperAdmin();
        selectOperator(username);
        click(OperatorsView.RESET_PASSWORD_ID);
        _setValue(byId(PasswordField.class, ResetPasswordDialog.PASSWORD_ID), "Reset2026y");
        _setValue(byId(PasswordField.class, ResetPasswordDialog.REPEAT_ID), "Reset2026y");
        save();

        assertThat(_find(ResetPasswordDialog.class)).isEmpty();
        assertThat(authenticate(username, "Reset2026y").isAuthenticated()).isTrue();
        login(username);
        assertThat(operators.mustChangePassword()).isTrue();
    }

    @Test
    void a_reset_password_typed_differently_twice_is_refused() {
        login("super");
        String username = createOperator();
        navigateTo("operators");
        selectOperator(username);
        click(OperatorsView.RESET_PASSWORD_ID);
        _setValue(byId(PasswordField.class, ResetPasswordDialog.PASSWORD_ID), "Reset2026y");
        _setValue(byId(PasswordField.class, ResetPasswordDialog.REPEAT_ID), "Reset2026z");
        save();

        assertThat(byId(PasswordField.class, ResetPasswordDialog.REPEAT_ID).isInvalid()).isTrue();
        assertThat(authenticate(username, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void a_recharge_clerk_cannot_open_operator_administration() {
        login("clerk");
        assertOperatorsViewRefused();
    }

    @Test
    void a_maintainer_cannot_open_operator_administration() {
        login("maint");
        assertOperatorsViewRefused();
    }

    /**
     * Vaadin's navigation access control reroutes a logged-in operator without the role to the
     * access-denied error; Karibu's error view for it throws instead of rendering a page.
     */
    private void assertOperatorsViewRefused() {
        Throwable refusal = catchThrowable(() -> navigateTo("operators"));
        // The exception's text is Vaadin's, and empty in production mode: the type is the refusal.
        assertThat(refusal).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(OperatorsView.class)).isEmpty();
    }

    private void openAsSuperAdmin() {
        login("super");
        navigateTo("operators");
    }

    private void fillNewOperator(String username, Set<Role> roles, String password) {
        _setValue(byId(TextField.class, OperatorDialog.USERNAME_ID), username);
        _setValue(byId(TextField.class, OperatorDialog.DISPLAY_NAME_ID), "Test " + username);
        _setValue(roles(), roles);
        _setValue(byId(PasswordField.class, OperatorDialog.PASSWORD_ID), password);
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<Role> roles() {
        return byId(CheckboxGroup.class, OperatorDialog.ROLES_ID);
    }

    /** Creates a recharge clerk for building A through the service; the acting operator must be a super admin. */
    private String createOperator() {
        String username = unique("op.");
        operators.create(new OperatorDraft(username, "Test " + username, Set.of(Role.RECHARGE_CLERK), false,
                Set.of(building("A").id()), Set.of(), null), PASSWORD);
        return username;
    }

    private BuildingView building(String code) {
        return structure.buildings().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }

    private static Grid<OperatorSummary> selectOperator(String username) {
        Grid<OperatorSummary> grid = grid(OperatorsView.GRID_ID);
        grid.select(row(grid, username));
        return grid;
    }

    private static OperatorSummary row(Grid<OperatorSummary> grid, String username) {
        List<OperatorSummary> matching = rows(grid).stream().filter(o -> o.username().equals(username)).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    private Authentication authenticate(String username, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }
}
