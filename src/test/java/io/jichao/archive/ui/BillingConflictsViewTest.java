package io.jichao.archive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.archive.BillingConflict;
import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.testing.KaribuTest;

class BillingConflictsViewTest extends KaribuTest {

    @Autowired
    private MeterService meters;

    @Autowired
    private SiteStructureService structure;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void the_super_admin_sees_a_prepaid_meter_that_cannot_hold_credit_and_it_stays_unchanged() {
        login("super");
        String address = ArchiveFixtures.freshAddress();
        long meterId = meters.create(ArchiveFixtures.draft(address, ArchiveFixtures.building(structure, "B").id(), null));
        jdbc.update("UPDATE meter SET protocol = 'DLT645_1997' WHERE id = ?", meterId);

        navigateTo("meters/billing-conflicts");

        assertThat(rows()).filteredOn(c -> c.meterId() == meterId).singleElement()
                .satisfies(c -> assertThat(c.address()).isEqualTo(address));
        assertThat(meters.get(meterId).draft().billingMode()).isEqualTo(BillingMode.PREPAID);
    }

    @Test
    void a_clerk_cannot_open_the_billing_conflicts() {
        login("clerk");

        assertThat(catchThrowable(() -> navigateTo("meters/billing-conflicts")))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<BillingConflict> rows() {
        Grid<BillingConflict> grid = _get(Grid.class, spec -> spec.withId(BillingConflictsView.GRID_ID));
        return GridKt._fetch(grid, 0, GridKt._size(grid));
    }
}
