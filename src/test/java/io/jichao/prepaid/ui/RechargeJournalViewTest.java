package io.jichao.prepaid.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeJournalService.JournalOrder;
import io.jichao.prepaid.RechargeJournalService.StateFilter;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.RechargeState;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.ui.RechargeUiFixtures.Household;
import io.jichao.shared.Money;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

class RechargeJournalViewTest extends KaribuTest {

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;

    private Household household;
    private RechargeOrderView kept;
    private RechargeOrderView toCancel;

    @BeforeEach
    void twoOrdersOfToday() {
        RechargeUiFixtures fixtures = new RechargeUiFixtures(meters, structure, tariffs, users, clock);
        household = fixtures.household("A", "流水 测试");
        fixtures.flatPrice("0.5000", household.meterId());
        LoginSupport.loginAs(users, "clerk");
        kept = place("21.00");
        toCancel = place("22.00");
        LoginSupport.logout();
    }

    @Test
    void a_clerk_cancels_a_created_order_from_the_journal_and_the_cancelled_filter_shows_it() {
        login("clerk");
        navigateTo("prepaid/journal");
        Grid<JournalOrder> grid = grid();
        JournalOrder row = rows(grid).stream().filter(o -> o.id() == toCancel.id()).findFirst().orElseThrow();
        assertThat(row.state()).isEqualTo(RechargeState.CREATED);
        assertThat(row.meterAddress()).isEqualTo(household.address());
        Button cancel = _get(Button.class, spec -> spec.withId(RechargeJournalView.CANCEL_ID));
        assertThat(cancel.isEnabled()).isFalse();

        grid.select(row);
        assertThat(cancel.isEnabled()).isTrue();
        assertThat(_get(Anchor.class, spec -> spec.withId(ReceiptLinks.PRINT_ID)).isEnabled()).isTrue();
        _click(cancel);

        LoginSupport.loginAs(users, "clerk");
        assertThat(recharges.ordersOf(household.meterId())).extracting(RechargeOrderView::state)
                .containsExactly(RechargeState.CREATED, RechargeState.CANCELLED);
        login("clerk");
        _setValue(stateSelect(), StateFilter.CANCELLED);
        assertThat(rows(grid)).extracting(JournalOrder::id).contains(toCancel.id()).doesNotContain(kept.id());
        _setValue(stateSelect(), StateFilter.WAITING);
        assertThat(rows(grid)).extracting(JournalOrder::id).contains(kept.id()).doesNotContain(toCancel.id());
    }

    @Test
    void a_clerk_of_another_district_does_not_see_the_orders() {
        login("clerk2");
        navigateTo("prepaid/journal");
        assertThat(rows(grid())).extracting(JournalOrder::id).doesNotContain(kept.id(), toCancel.id());
    }

    @Test
    void finance_and_maintainers_cannot_open_the_recharge_journal() {
        login("finance");
        assertThat(catchThrowable(() -> navigateTo("prepaid/journal"))).isInstanceOf(MockAccessDeniedException.class);
        login("maint");
        assertThat(catchThrowable(() -> navigateTo("prepaid/journal"))).isInstanceOf(MockAccessDeniedException.class);
    }

    private RechargeOrderView place(String yuan) {
        return recharges.placeOrder(new RechargeRequest(household.meterId(), RechargeAmount.of(Money.of(yuan)),
                Payment.cash(), UUID.randomUUID().toString()));
    }

    @SuppressWarnings("unchecked")
    private static Grid<JournalOrder> grid() {
        return _get(Grid.class, spec -> spec.withId(RechargeJournalView.GRID_ID));
    }

    @SuppressWarnings("unchecked")
    private static Select<StateFilter> stateSelect() {
        return _get(Select.class, spec -> spec.withId(RechargeJournalView.STATE_ID));
    }

    private static List<JournalOrder> rows(Grid<JournalOrder> grid) {
        return GridKt._fetch(grid, 0, GridKt._size(grid));
    }
}
