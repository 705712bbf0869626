package io.jichao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffGroupSummary;
import io.jichao.prepaid.TariffKind;
import io.jichao.prepaid.TariffService;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** The demo park as it starts: priced, so its recharge page works at once. */
@JichaoSpringTest
class DemoTariffSeederIT {

    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void the_demo_ships_a_flat_a_time_of_use_and_a_stepped_group_in_force_since_before_today() {
        LoginSupport.loginAs(users, "finance");
        LocalDate today = LocalDate.now(java.time.Clock.systemUTC().withZone(io.jichao.shared.TimeConfiguration.DISPLAY_ZONE));
        List<TariffGroupSummary> groups = tariffs.groups().stream()
                .filter(g -> List.of(DemoTariffSeeder.FLAT, DemoTariffSeeder.TIME_OF_USE, DemoTariffSeeder.STEPPED)
                        .contains(g.name()))
                .toList();

        assertThat(groups).extracting(g -> g.inForce().plan().kind())
                .containsExactlyInAnyOrder(TariffKind.FLAT, TariffKind.TIME_OF_USE, TariffKind.STEPPED);
        assertThat(groups).allSatisfy(g -> assertThat(g.inForce().effectiveFrom()).isBefore(today.minusMonths(11)));
    }

    @Test
    void every_electricity_meter_of_the_demo_is_in_a_priced_group_and_the_clerk_can_sell_at_once() {
        Integer unpriced = jdbc.queryForObject("""
                SELECT COUNT(*) FROM meter m LEFT JOIN tariff_group_meter g ON g.meter_id = m.id
                 WHERE m.address LIKE '3701%' AND m.protocol <> 'MODBUS_RTU' AND g.meter_id IS NULL""", Integer.class);
        assertThat(unpriced).isZero();

        long a101 = jdbc.queryForObject("""
                SELECT m.id FROM meter m JOIN household h ON h.id = m.household_id WHERE h.room = 'A101'""", Long.class);
        long d101 = jdbc.queryForObject("""
                SELECT m.id FROM meter m JOIN household h ON h.id = m.household_id WHERE h.room = 'D101'""", Long.class);
        LoginSupport.loginAs(users, "clerk");
        assertThat(recharges.priceFor(a101)).isEqualTo(PricePerKwh.of("0.6170"));
        LoginSupport.loginAs(users, "clerk2");
        assertThat(recharges.priceFor(d101)).as("first block of the stepped tariff").isEqualTo(PricePerKwh.of("0.6170"));
    }
}
