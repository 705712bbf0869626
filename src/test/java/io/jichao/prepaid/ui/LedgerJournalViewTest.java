package io.jichao.prepaid.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.LedgerJournalService.JournalEntry;
import io.jichao.prepaid.LedgerJournalService.KindTotal;
import io.jichao.prepaid.LedgerKind;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.ui.RechargeUiFixtures.Household;
import io.jichao.shared.Money;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

class LedgerJournalViewTest extends KaribuTest {

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
    private RechargeOrderView order;

    @BeforeEach
    void aCancelledRecharge() {
        RechargeUiFixtures fixtures = new RechargeUiFixtures(meters, structure, tariffs, users, clock);
        household = fixtures.household("A", "账务 测试");
        fixtures.flatPrice("0.5000", household.meterId());
        LoginSupport.loginAs(users, "clerk");
        order = recharges.placeOrder(new RechargeRequest(household.meterId(), RechargeAmount.of(Money.of("33.00")),
                Payment.cash(), UUID.randomUUID().toString()));
        recharges.cancel(order.id());
        LoginSupport.logout();
    }

    @Test
    void finance_filters_the_ledger_by_household_and_kind_and_sees_the_totals_per_kind() {
        login("finance");
        navigateTo("prepaid/ledger");
        _setValue(_get(TextField.class, spec -> spec.withId(LedgerJournalView.HOUSEHOLD_ID)), household.room());

        assertThat(entries()).extracting(JournalEntry::kind).containsExactly(LedgerKind.RECHARGE, LedgerKind.REVERSAL);
        assertThat(entries()).extracting(JournalEntry::orderId).containsOnly(order.id());
        assertThat(totals()).extracting(KindTotal::kind, KindTotal::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LedgerKind.RECHARGE, Money.of("33.00")),
                org.assertj.core.groups.Tuple.tuple(LedgerKind.REVERSAL, Money.of("-33.00")));

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<LedgerKind> kinds = _get(MultiSelectComboBox.class, spec -> spec.withId(LedgerJournalView.KINDS_ID));
        _setValue(kinds, Set.of(LedgerKind.REVERSAL));
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LedgerKind.REVERSAL);
            assertThat(e.operatorName()).isEqualTo("收费员 王丽");
        });
        assertThat(_get(Anchor.class, spec -> spec.withId(LedgerJournalView.XLSX_ID)).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withId(LedgerJournalView.PDF_ID)).getHref()).isNotBlank();
    }

    @Test
    void clerks_and_maintainers_cannot_open_the_ledger_journal() {
        login("clerk");
        assertThat(catchThrowable(() -> navigateTo("prepaid/ledger"))).isInstanceOf(MockAccessDeniedException.class);
        login("maint");
        assertThat(catchThrowable(() -> navigateTo("prepaid/ledger"))).isInstanceOf(MockAccessDeniedException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<JournalEntry> entries() {
        Grid<JournalEntry> grid = _get(Grid.class, spec -> spec.withId(LedgerJournalView.GRID_ID));
        return GridKt._fetch(grid, 0, GridKt._size(grid));
    }

    @SuppressWarnings("unchecked")
    private static List<KindTotal> totals() {
        Grid<KindTotal> grid = _get(Grid.class, spec -> spec.withId(LedgerJournalView.TOTALS_ID));
        return GridKt._fetch(grid, 0, GridKt._size(grid));
    }
}
