package io.jichao.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** The demo park matches the proposal's shape: 245 three-phase household points behind DH600 collectors. */
@JichaoSpringTest
class DemoParkIT {

    @Autowired
    private MeterService meters;
    @Autowired
    private CollectorService collectors;
    @Autowired
    private UserDetailsService users;

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void demo_park_has_245_three_phase_household_points_of_every_billing_kind_and_modbus_water_meters() {
        LoginSupport.loginAs(users, "finance");
        List<MeterRow> prepaid = households(BillingMode.PREPAID);
        List<MeterRow> hostSide = households(BillingMode.HOST_PREPAID);
        List<MeterRow> postpaid = households(BillingMode.POSTPAID);
        assertThat(prepaid.size() + hostSide.size() + postpaid.size()).isEqualTo(245);
        assertThat(hostSide).isNotEmpty().extracting(MeterRow::protocol).containsOnly(MeterProtocol.DLT645_2007);
        assertThat(postpaid).isNotEmpty().extracting(MeterRow::protocol).containsOnly(MeterProtocol.DLT645_1997);
        assertThat(prepaid).as("only meters that can hold credit are meter-side prepaid")
                .extracting(MeterRow::protocol).containsOnly(MeterProtocol.DLT645_2007);
        assertThat(prepaid).extracting(MeterRow::phase).containsOnly(Phase.THREE);
        assertThat(prepaid).filteredOn(row -> row.deviceChannel() != null).hasSize(24);
        assertThat(meters.count(MeterFilter.none().withProtocol(MeterProtocol.MODBUS_RTU))).isGreaterThanOrEqualTo(8);
    }

    /** The demo's household points (addresses 3701…, main meters 3701bb000000 left out) billed this way. */
    private List<MeterRow> households(BillingMode mode) {
        return meters.page(MeterFilter.none().withBillingMode(mode).withState(MeterState.ACTIVE), 0, 1_000,
                        List.of(MeterSort.byAddress())).stream()
                .filter(row -> row.address().startsWith("3701") && !row.address().endsWith("000000"))
                .toList();
    }

    @Test
    void every_collector_keeps_its_buses_within_its_port_count() {
        LoginSupport.loginAs(users, "super");
        // Other tests of the shared context add collectors of their own; the demo's are the simulated ones.
        List<CollectorView> all = collectors.list().stream().filter(CollectorView::simulated).toList();
        assertThat(all).hasSize(4);
        for (CollectorView collector : all) {
            assertThat(collector.ports().size()).isLessThanOrEqualTo(collector.model().portCount());
            for (PortView port : collector.ports()) {
                assertThat(port.activeMeters()).isBetween(1L, 40L);
            }
        }
    }
}
