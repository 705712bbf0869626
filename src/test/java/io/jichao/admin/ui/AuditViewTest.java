package io.jichao.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.audit.AuditEvent;
import io.jichao.audit.AuditEvent.Outcome;
import io.jichao.audit.AuditFixtures;
import io.jichao.testing.KaribuTest;
import io.jichao.ui.MainLayout;

class AuditViewTest extends KaribuTest {

    // 2026-04-10 23:30 and 2026-04-11 08:00 in Asia/Shanghai.
    private static final Instant APRIL_10 = Instant.parse("2026-04-10T15:30:00Z");
    private static final Instant APRIL_11 = Instant.parse("2026-04-11T00:00:00Z");

    @Autowired
    private JdbcTemplate jdbc;

    private String marker;

    @BeforeEach
    void rowsOfThisTest() {
        marker = AuditFixtures.marker();
        AuditFixtures.insert(jdbc, APRIL_10, "clerk", "RECHARGE_PLACE", "meter 11 " + marker, "order 1 50 yuan",
                Outcome.SUCCESS);
        AuditFixtures.insert(jdbc, APRIL_11, "maint", "RELAY_TRIP", "meter 12 " + marker, "tripped",
                Outcome.FAILED);
        AuditFixtures.insert(jdbc, APRIL_11.plusSeconds(60), "finance", "REFUND_APPROVE", "meter 11 " + marker,
                "refund 4", Outcome.SUCCESS);
    }

    @Test
    void super_admin_filters_by_target_operator_action_and_day() {
        login("super");
        navigateTo("audit");

        _setValue(field(AuditFilterBar.TARGET_ID), marker);
        assertThat(actions()).containsExactly("REFUND_APPROVE", "RELAY_TRIP", "RECHARGE_PLACE");
        assertThat(_get(Span.class, spec -> spec.withId(AuditView.COUNT_ID)).getText()).isEqualTo("3 entries");

        _setValue(field(AuditFilterBar.OPERATOR_ID), "maint");
        assertThat(actions()).containsExactly("RELAY_TRIP");
        _setValue(field(AuditFilterBar.OPERATOR_ID), "");

        _setValue(actionFilter(), "RECHARGE_PLACE");
        assertThat(actions()).containsExactly("RECHARGE_PLACE");
        _setValue(actionFilter(), null);

        _setValue(day(AuditFilterBar.FROM_ID), LocalDate.of(2026, 4, 11));
        assertThat(actions()).containsExactly("REFUND_APPROVE", "RELAY_TRIP");
        _assertNone(Span.class, spec -> spec.withId(AuditView.MONEY_ONLY_ID));
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused_and_the_rows_stay() {
        login("super");
        navigateTo("audit");
        _setValue(field(AuditFilterBar.TARGET_ID), marker);
        _setValue(day(AuditFilterBar.FROM_ID), LocalDate.of(2026, 4, 11));

        _setValue(day(AuditFilterBar.TO_ID), LocalDate.of(2026, 4, 10));

        expectNotifications("The end day 2026-04-10 is before the start day 2026-04-11.");
        assertThat(actions()).containsExactly("REFUND_APPROVE", "RELAY_TRIP");
    }

    @Test
    void the_export_holds_exactly_the_filtered_rows() throws IOException {
        login("super");
        navigateTo("audit");
        _setValue(field(AuditFilterBar.TARGET_ID), "meter 11 " + marker);

        byte[] xlsx = DownloadKt._download(_get(Anchor.class, spec -> spec.withId(AuditView.EXPORT_ID)));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Action");
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 6; c++) {
                    cells.add(row.getCell(c).getStringCellValue());
                }
                rows.add(cells);
            }
            assertThat(rows).containsExactly(
                    List.of("2026-04-11 08:01:00", "finance", "REFUND_APPROVE", "meter 11 " + marker, "Succeeded",
                            "refund 4"),
                    List.of("2026-04-10 23:30:00", "clerk", "RECHARGE_PLACE", "meter 11 " + marker, "Succeeded",
                            "order 1 50 yuan"));
        }
    }

    @Test
    void finance_sees_only_money_actions_and_the_page_says_so() {
        login("finance");
        navigateTo("audit");

        _setValue(field(AuditFilterBar.TARGET_ID), marker);

        assertThat(actions()).containsExactly("REFUND_APPROVE", "RECHARGE_PLACE");
        assertThat(_get(Span.class, spec -> spec.withId(AuditView.MONEY_ONLY_ID)).getText())
                .startsWith("Money actions only");
        assertThat(actionFilter().getGenericDataView().getItems().toList()).contains("RECHARGE_PLACE")
                .doesNotContain("RELAY_TRIP");
    }

    @Test
    void the_navigation_offers_the_page_to_the_super_admin() {
        login("super");
        navigateTo("");
        assertThat(navPaths()).contains("audit");
    }

    @Test
    void the_navigation_offers_the_page_to_finance() {
        login("finance");
        navigateTo("");
        assertThat(navPaths()).contains("audit");
    }

    @Test
    void the_navigation_hides_the_page_from_a_recharge_clerk() {
        login("clerk");
        navigateTo("");
        assertThat(navPaths()).doesNotContain("audit");
    }

    @Test
    void a_recharge_clerk_is_refused_the_page() {
        login("clerk");
        assertRefused();
    }

    @Test
    void a_maintainer_is_refused_the_page() {
        login("maint");
        assertRefused();
    }

    private void assertRefused() {
        Throwable refusal = catchThrowable(() -> navigateTo("audit"));
        assertThat(refusal).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(AuditView.class)).isEmpty();
    }

    private List<String> navPaths() {
        return _get(SideNav.class, spec -> spec.withId(MainLayout.NAV_ID)).getItems().stream()
                .map(SideNavItem::getPath).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> actions() {
        Grid<AuditEvent> grid = _get(Grid.class, spec -> spec.withId(AuditView.GRID_ID));
        return GridKt._findAll(grid).stream().map(AuditEvent::getAction).toList();
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static DatePicker day(String id) {
        return _get(DatePicker.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> actionFilter() {
        return _get(ComboBox.class, spec -> spec.withId(AuditFilterBar.ACTION_ID));
    }
}
