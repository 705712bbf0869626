package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.shared.DomainException;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

@JichaoSpringTest
class TariffServiceIT {

    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private UserDetailsService users;

    private PrepaidFixtures fixtures;
    private long meterId;
    private LocalDate today;

    @BeforeEach
    void ownMeter() {
        fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        meterId = fixtures.meter("A", BillingMode.PREPAID);
        today = fixtures.today();
        LoginSupport.loginAs(users, "finance");
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void groups_list_each_group_with_the_version_in_force_today_and_the_next_scheduled_one() {
        long group = tariffs.createGroup("summary-" + meterId);
        tariffs.addVersion(group, today, TariffFixtures.flat("0.5000"));
        tariffs.addVersion(group, today.plusDays(30), TariffFixtures.flat("0.7000"));
        tariffs.addVersion(group, today.plusDays(10), TariffFixtures.flat("0.6000"));
        long empty = tariffs.createGroup("summary-empty-" + meterId);

        TariffGroupSummary summary = tariffs.groups().stream().filter(g -> g.id() == group).findFirst().orElseThrow();
        assertThat(summary.name()).isEqualTo("summary-" + meterId);
        assertThat(summary.siteDefault()).isFalse();
        assertThat(summary.inForce().effectiveFrom()).isEqualTo(today);
        assertThat(summary.next().effectiveFrom()).isEqualTo(today.plusDays(10));
        assertThat(tariffs.groups()).filteredOn(g -> g.id() == empty).singleElement()
                .satisfies(g -> {
                    assertThat(g.inForce()).isNull();
                    assertThat(g.next()).isNull();
                });
        assertThat(tariffs.groups()).filteredOn(TariffGroupSummary::siteDefault).hasSize(1);
    }

    @Test
    void versions_are_kept_as_history_and_the_latest_started_one_is_in_force() {
        long group = tariffs.createGroup("history-" + meterId);
        tariffs.assignMeter(group, meterId);
        tariffs.addVersion(group, today.plusDays(10), TariffFixtures.flat("0.6000"));
        tariffs.addVersion(group, today, TariffFixtures.flat("0.5000"));

        assertThat(tariffs.history(group)).extracting(TariffVersionView::effectiveFrom)
                .containsExactly(today, today.plusDays(10));
        assertThat(tariffs.inForce(meterId, today).plan()).isEqualTo(TariffFixtures.flat("0.5000"));
        assertThat(tariffs.inForce(meterId, today.plusDays(9)).plan()).isEqualTo(TariffFixtures.flat("0.5000"));
        assertThat(tariffs.inForce(meterId, today.plusDays(10)).plan()).isEqualTo(TariffFixtures.flat("0.6000"));
        assertThat(tariffs.inForce(meterId, today.plusYears(1)).plan()).isEqualTo(TariffFixtures.flat("0.6000"));
        assertThat(audit.byAction("TARIFF_VERSION_ADD")).anySatisfy(e -> {
            assertThat(e.getOperatorUsername()).isEqualTo("finance");
            assertThat(e.getTarget()).isEqualTo("history-" + meterId);
        });
    }

    @Test
    void time_of_use_and_stepped_plans_come_back_from_the_database_unchanged() {
        long touGroup = tariffs.createGroup("tou-" + meterId);
        long steppedGroup = tariffs.createGroup("stepped-" + meterId);
        tariffs.addVersion(touGroup, today, TariffFixtures.timeOfUse());
        tariffs.addVersion(steppedGroup, today, TariffFixtures.stepped());

        assertThat(tariffs.history(touGroup).getFirst().plan()).isEqualTo(TariffFixtures.timeOfUse());
        assertThat(tariffs.history(steppedGroup).getFirst().plan()).isEqualTo(TariffFixtures.stepped());
    }

    @Test
    void a_version_cannot_start_in_the_past_nor_twice_on_one_day() {
        long group = tariffs.createGroup("dates-" + meterId);
        tariffs.addVersion(group, today, TariffFixtures.flat("0.5"));
        assertThatThrownBy(() -> tariffs.addVersion(group, today.minusDays(1), TariffFixtures.flat("0.4")))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.tariff.effective.past");
        assertThatThrownBy(() -> tariffs.addVersion(group, today, TariffFixtures.flat("0.4")))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.tariff.effective.taken");
        assertThat(tariffs.history(group)).hasSize(1);
    }

    @Test
    void a_meter_is_in_one_group_at_a_time() {
        long first = fixtures.flatGroup("0.5000", meterId);
        long second = fixtures.flatGroup("0.7000", meterId);
        LoginSupport.loginAs(users, "finance");
        assertThat(tariffs.inForce(meterId, today).groupId()).isEqualTo(second);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_meter_in_no_group_uses_the_site_default_group() {
        assertThatThrownBy(() -> tariffs.inForce(meterId, today))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.tariff.none");
        assertThat(tariffs.history(tariffs.siteDefaultGroupId())).isEmpty();
    }

    @Test
    void only_finance_changes_tariffs() {
        long group = tariffs.createGroup("rights-" + meterId);
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> tariffs.addVersion(group, today, TariffFixtures.flat("0.5")))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
        assertThatThrownBy(() -> tariffs.assignMeter(group, meterId))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
        assertThatThrownBy(() -> tariffs.createGroup("clerk-" + meterId))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
    }

    @Test
    void group_names_are_unique() {
        tariffs.createGroup("twice-" + meterId);
        assertThatThrownBy(() -> tariffs.createGroup(" twice-" + meterId + " "))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.tariff.group.taken");
    }
}
