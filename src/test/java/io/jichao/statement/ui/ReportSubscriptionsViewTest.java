package io.jichao.statement.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Set;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jichao.security.OperatorService;
import io.jichao.security.Role;
import io.jichao.statement.ReportChoice;
import io.jichao.statement.ReportSubscriptionView;
import io.jichao.testing.KaribuTest;

class ReportSubscriptionsViewTest extends KaribuTest {

    @Autowired
    private OperatorService operators;

    @Test
    void finance_subscribes_to_the_monthly_sales_and_sees_the_subscription() {
        login(newFinance());
        navigateTo("statements/subscriptions");
        @SuppressWarnings("unchecked")
        ComboBox<ReportChoice> report = _get(ComboBox.class, spec -> spec.withId(ReportSubscriptionsView.REPORT_ID));
        ReportChoice sales = report.getGenericDataView().getItems()
                .filter(choice -> choice.key().equals("prepaid.sales-monthly")).findFirst().orElseThrow();
        assertThat(report.getGenericDataView().getItems()).extracting(ReportChoice::key)
                .contains("prepaid.sales-monthly", "statement.district-monthly");

        report.setValue(sales);
        _get(TextField.class, spec -> spec.withId(ReportSubscriptionsView.RECIPIENTS_ID)).setValue("cw@example.com");
        _click(_get(Button.class, spec -> spec.withId(ReportSubscriptionsView.SUBSCRIBE_ID)));

        @SuppressWarnings("unchecked")
        Grid<ReportSubscriptionView> grid = _get(Grid.class, spec -> spec.withId(ReportSubscriptionsView.GRID_ID));
        assertThat(grid.getGenericDataView().getItems()).singleElement().satisfies(s -> {
            assertThat(s.reportKey()).isEqualTo("prepaid.sales-monthly");
            assertThat(s.recipients()).isEqualTo("cw@example.com");
        });
    }

    @Test
    void an_invalid_address_subscribes_nothing() {
        login(newFinance());
        navigateTo("statements/subscriptions");
        @SuppressWarnings("unchecked")
        ComboBox<ReportChoice> report = _get(ComboBox.class, spec -> spec.withId(ReportSubscriptionsView.REPORT_ID));
        report.setValue(report.getGenericDataView().getItems().findFirst().orElseThrow());
        _get(TextField.class, spec -> spec.withId(ReportSubscriptionsView.RECIPIENTS_ID)).setValue("nobody");
        _click(_get(Button.class, spec -> spec.withId(ReportSubscriptionsView.SUBSCRIBE_ID)));

        @SuppressWarnings("unchecked")
        Grid<ReportSubscriptionView> grid = _get(Grid.class, spec -> spec.withId(ReportSubscriptionsView.GRID_ID));
        assertThat(grid.getGenericDataView().getItems()).isEmpty();
    }

    @Test
    void a_maintainer_cannot_open_the_page() {
        login("maint");
        assertThat(catchThrowable(() -> navigateTo("statements/subscriptions")))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    private String newFinance() {
        String username = "rfin" + UUID.randomUUID().toString().substring(0, 8);
        operators.provisionAtStartup(new OperatorService.OperatorDraft(username, "财务", Set.of(Role.FINANCE), true,
                Set.of(), Set.of(), null), "Statement2026x", false);
        return username;
    }
}
