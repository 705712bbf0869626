package io.jichao.statement.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jichao.archive.MeterRow;
import io.jichao.archive.SiteStructureService;
import io.jichao.security.OperatorService;
import io.jichao.security.Role;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;
import org.springframework.security.core.userdetails.UserDetailsService;

class StatementsViewTest extends KaribuTest {

    @Autowired
    private OperatorService operators;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private UserDetailsService users;

    @Test
    void the_district_batch_shows_pushed_progress_and_offers_the_zip_when_done() {
        login(financeOfBuilding("B"));
        navigateTo("statements");
        @SuppressWarnings("unchecked")
        ComboBox<YearMonth> month = _get(ComboBox.class, spec -> spec.withId(StatementsView.MONTH_ID));
        month.setValue(YearMonth.of(2025, 3));

        _click(_get(Button.class, spec -> spec.withId(StatementsView.START_ID)));

        ProgressBar progress = _get(ProgressBar.class, spec -> spec.withId(StatementsView.PROGRESS_ID));
        assertThat(progress.isVisible()).isTrue();
        assertThat(_get(Button.class, spec -> spec.withId(StatementsView.START_ID)).isEnabled()).isFalse();
        await().pollInSameThread().atMost(Duration.ofMinutes(2)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return !_find(Anchor.class, spec -> spec.withId(StatementsView.DOWNLOAD_ID)).isEmpty();
        });
        assertThat(progress.getValue()).isEqualTo(progress.getMax()).isPositive();
        assertThat(_get(Span.class, spec -> spec.withId(StatementsView.STATUS_ID)).getText()).startsWith("Done: ");
        assertThat(_get(Button.class, spec -> spec.withId(StatementsView.CANCEL_ID)).isEnabled()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId(StatementsView.START_ID)).isEnabled()).isTrue();
    }

    @Test
    void cancelling_the_batch_shows_it_cancelled_without_a_download() {
        login("finance");
        navigateTo("statements");

        _click(_get(Button.class, spec -> spec.withId(StatementsView.START_ID)));
        _click(_get(Button.class, spec -> spec.withId(StatementsView.CANCEL_ID)));

        await().pollInSameThread().atMost(Duration.ofMinutes(1)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return _get(Span.class, spec -> spec.withId(StatementsView.STATUS_ID)).getText().startsWith("Cancelled");
        });
        _assertNone(Anchor.class, spec -> spec.withId(StatementsView.DOWNLOAD_ID));
    }

    @Test
    void picking_a_household_enables_its_statement_download() {
        login("finance");
        navigateTo("statements");
        Anchor single = _get(Anchor.class, spec -> spec.withId(StatementsView.SINGLE_ID));
        assertThat(single.isEnabled()).isFalse();

        _get(TextField.class, spec -> spec.withId(StatementsView.SEARCH_ID)).setValue("A");
        @SuppressWarnings("unchecked")
        Grid<MeterRow> hits = _get(Grid.class, spec -> spec.withId(StatementsView.METERS_ID));
        MeterRow first = hits.getGenericDataView().getItems().findFirst().orElseThrow();
        hits.select(first);

        assertThat(single.isEnabled()).isTrue();
        assertThat(single.getHref()).isNotBlank();
    }

    @Test
    void a_clerk_cannot_open_the_page() {
        login("clerk");
        assertThat(catchThrowable(() -> navigateTo("statements"))).isInstanceOf(MockAccessDeniedException.class);
    }

    private String financeOfBuilding(String code) {
        LoginSupport.loginAs(users, "super");
        long building = structure.buildings().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow().id();
        LoginSupport.logout();
        String username = "vfin" + UUID.randomUUID().toString().substring(0, 8);
        operators.provisionAtStartup(new OperatorService.OperatorDraft(username, "区域财务", Set.of(Role.FINANCE), false,
                Set.of(building), Set.of(), null), "Statement2026x", false);
        return username;
    }
}
