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

/** The demo park matches the proposal's shape: 245 three-phase prepaid points behind DH600 collectors. */
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
    void demo_park_has_245_three_phase_prepaid_points_and_modbus_water_meters() {
        LoginSupport.loginAs(users, "finance");
        List<MeterRow> prepaid = meters.page(MeterFilter.none().withBillingMode(BillingMode.PREPAID)
                .withState(MeterState.ACTIVE), 0, 1_000, List.of(MeterSort.byAddress()));
        long demoPrepaid = prepaid.stream().filter(row -> row.address().startsWith("3701")).count();
        assertThat(demoPrepaid).isEqualTo(245);
        assertThat(prepaid).filteredOn(row -> row.address().startsWith("3701"))
                .extracting(MeterRow::phase).containsOnly(Phase.THREE);
        assertThat(prepaid).filteredOn(row -> row.deviceChannel() != null).hasSize(24);
        assertThat(meters.count(MeterFilter.none().withProtocol(MeterProtocol.MODBUS_RTU))).isGreaterThanOrEqualTo(8);
        assertThat(meters.count(MeterFilter.none().withProtocol(MeterProtocol.DLT645_1997))).isPositive();
    }

    @Test
    void every_collector_keeps_its_buses_within_its_port_count() {
        LoginSupport.loginAs(users, "super");
        List<CollectorView> all = collectors.list();
        assertThat(all).hasSize(4);
        for (CollectorView collector : all) {
            assertThat(collector.ports().size()).isLessThanOrEqualTo(collector.model().portCount());
            for (PortView port : collector.ports()) {
                assertThat(port.activeMeters()).isBetween(1L, 40L);
            }
        }
    }
}
