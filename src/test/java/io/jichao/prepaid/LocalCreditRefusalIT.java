package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingConflict;
import io.jichao.archive.BillingConflicts;
import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditEvent;
import io.jichao.audit.AuditTrail;
import io.jichao.shared.DomainException;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * A meter that cannot receive a recharge (DL/T 645-1997) can never be PREPAID with credit kept in
 * the meter: the archive refuses to make it so, and a recharge of one that is (data from before the
 * rule, or edited in the database) is refused before any order or money exists.
 */
@JichaoSpringTest
class LocalCreditRefusalIT {

    @Autowired
    private RechargeService recharges;
    @Autowired
    private BillingConflicts conflicts;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;

    private PrepaidFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void the_archive_refuses_to_create_or_make_a_dlt645_1997_meter_prepaid_naming_it() {
        LoginSupport.loginAs(users, "super");
        long buildingA = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst().orElseThrow().id();
        String address = String.format("79%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        MeterDraft old = new MeterDraft(address, null, MeterProtocol.DLT645_1997, Phase.SINGLE,
                BillingMode.PREPAID, buildingA, null, null, null, 1, 1, null, null, null, null, null, List.of());

        assertThatThrownBy(() -> meters.create(old)).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.messageKey()).isEqualTo("error.meter.prepaid.no.credit");
            assertThat(refused.arguments()).containsExactly(address, "DL/T 645-1997");
        });
        assertThat(meters.check(old, null)).extracting(DomainException::messageKey)
                .contains("error.meter.prepaid.no.credit");

        long postpaid = meters.create(withMode(old, BillingMode.POSTPAID));
        assertThatThrownBy(() -> meters.update(postpaid, old)).isInstanceOf(DomainException.class)
                .hasMessageContaining("error.meter.prepaid.no.credit");
        assertThat(meters.get(postpaid).draft().billingMode()).isEqualTo(BillingMode.POSTPAID);
    }

    @Test
    void recharge_is_refused_for_a_prepaid_dlt645_1997_meter_before_any_order_or_ledger_entry() {
        long meterId = legacyPrepaid1997InA();
        int ordersBefore = count("SELECT COUNT(*) FROM recharge_order");
        int ledgerBefore = count("SELECT COUNT(*) FROM ledger_entry");
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> recharges.priceFor(meterId)).isInstanceOf(DomainException.class)
                .hasMessageContaining("error.recharge.cannot.hold.credit");
        assertThatThrownBy(() -> recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("10.00")),
                Payment.cash(), PrepaidFixtures.key())))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("error.recharge.cannot.hold.credit");
                    assertThat(refused.arguments()[1]).isEqualTo("DL/T 645-1997");
                });

        assertThat(count("SELECT COUNT(*) FROM recharge_order")).isEqualTo(ordersBefore);
        assertThat(count("SELECT COUNT(*) FROM recharge_order WHERE meter_id = " + meterId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM ledger_entry")).isEqualTo(ledgerBefore);
        assertThat(audit.byAction("RECHARGE_PLACE")).anySatisfy(event -> {
            assertThat(event.getTarget()).isEqualTo("meter " + meterId);
            assertThat(event.getOutcome()).isEqualTo(AuditEvent.Outcome.REFUSED);
            assertThat(event.getDetails()).isEqualTo("error.recharge.cannot.hold.credit");
        });
    }

    @Test
    void existing_prepaid_dlt645_1997_meters_are_listed_for_the_super_admin_and_left_unchanged() {
        long meterId = legacyPrepaid1997InA();

        LoginSupport.loginAs(users, "super");
        List<BillingConflict> listed = conflicts.list();

        assertThat(listed).filteredOn(c -> c.meterId() == meterId).singleElement().satisfies(c -> {
            assertThat(c.protocol()).isEqualTo(MeterProtocol.DLT645_1997);
            assertThat(c.billingMode()).isEqualTo(BillingMode.PREPAID);
            assertThat(c.buildingCode()).isEqualTo("A");
        });
        assertThat(listed).allSatisfy(c -> assertThat(c.protocol()).isNotEqualTo(MeterProtocol.DLT645_2007));
        assertThat(meters.get(meterId).draft().billingMode()).isEqualTo(BillingMode.PREPAID);
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> conflicts.list()).isInstanceOf(DomainException.class)
                .hasMessageContaining("error.permission.denied");
    }

    /**
     * A priced PREPAID meter with a household in the clerk's building A whose protocol is then set
     * to DL/T 645-1997 in the database, as data from before the rule would be.
     */
    private long legacyPrepaid1997InA() {
        long meterId = fixtures.meter("A", BillingMode.PREPAID);
        fixtures.flatGroup("0.5000", meterId);
        jdbc.update("UPDATE meter SET protocol = 'DLT645_1997' WHERE id = ?", meterId);
        return meterId;
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static MeterDraft withMode(MeterDraft draft, BillingMode mode) {
        return new MeterDraft(draft.address(), draft.deviceChannel(), draft.protocol(), draft.phase(), mode,
                draft.buildingId(), draft.floorId(), draft.boxId(), draft.serialPortId(), draft.ctRatio(),
                draft.ptRatio(), draft.maxPowerKw(), draft.alarmLevel1Kwh(), draft.alarmLevel2Kwh(), draft.room(),
                draft.householdName(), draft.phones());
    }
}
