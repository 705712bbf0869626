package io.jichao.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;

import io.jichao.testing.KaribuTest;

class NavigationByRoleTest extends KaribuTest {

    private List<String> navigationPaths() {
        SideNav nav = _get(SideNav.class, spec -> spec.withId(MainLayout.NAV_ID));
        return nav.getItems().stream().map(SideNavItem::getPath).toList();
    }

    @Test
    void super_admin_sees_every_page_including_operator_administration() {
        login("super");
        navigateTo("");
        assertThat(navigationPaths()).contains("", "meters", "operators", "collectors", "structure");
    }

    @Test
    void recharge_clerk_sees_meters_but_no_administration() {
        login("clerk");
        navigateTo("");
        assertThat(navigationPaths()).contains("", "meters").doesNotContain("operators", "collectors", "structure");
    }

    @Test
    void maintainer_manages_collectors_but_not_operators() {
        login("maint");
        navigateTo("");
        assertThat(navigationPaths()).contains("meters", "collectors").doesNotContain("operators", "structure");
    }
}
