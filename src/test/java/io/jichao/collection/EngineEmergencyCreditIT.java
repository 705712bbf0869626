package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.collection.RechargeDeliveryFixtures.ArchivedMeter;
import io.jichao.prepaid.EmergencyCreditService;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeProgress;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.RechargeState;
import io.jichao.prepaid.ReconciliationService;
import io.jichao.prepaid.TariffService;
import io.jichao.shared.Kwh;
import io.jichao.shared.TimeConfiguration;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.Simulator;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * An emergency credit travels to a simulated meter over TCP like any recharge order: the meter's
 * remaining energy rises by the credit, and the paid recharge after it sends only what it did not
 * repay. The day's reconciliation finds ledger and meter in agreement.
 */
@JichaoSpringTest
class EngineEmergencyCreditIT {

    private static final Duration DELIVERED = Duration.ofSeconds(20);

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private EmergencyCreditService emergency;
    @Autowired
    private ReconciliationService reconciliation;
    @Autowired
    private RechargeProgress progress;
    @Autowired
    private RechargeDeliveryStore store;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;
    @Autowired
    private LockProvider locks;

    private RechargeDeliveryFixtures fixtures;
    private Simulator simulator;
    private CollectionEngine engine;
    private EngineRechargeDelivery delivery;

    @BeforeEach
    void fixtures() {
        fixtures = new RechargeDeliveryFixtures(meters, structure, tariffs, recharges, users, clock);
    }

    @AfterEach
    void stop() {
        if (delivery != null) {
            delivery.stop();
        }
        if (engine != null) {
            engine.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
        LoginSupport.logout();
    }

    @Test
    void the_emergency_credit_reaches_the_meter_and_the_next_recharge_sends_only_the_rest() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        start(archived);
        ElectricMeter simulated = simulator.electricMeter("R", 1, meter.address());
        int countBefore = simulated.purchaseCount();
        BigDecimal remainingBefore = simulated.remainingKwh();

        LoginSupport.loginAs(users, "clerk");
        RechargeOrderView lent = emergency.take(meter.id(), UUID.randomUUID().toString());
        delivery.deliver(RechargeDeliveryFixtures.instruction(lent));

        awaitState(lent.id(), RechargeState.CONFIRMED);
        assertThat(simulated.purchaseCount()).isEqualTo(countBefore + 1);
        assertThat(simulated.remainingKwh()).isEqualByComparingTo(remainingBefore.add(new BigDecimal("10.00")));
        assertThat(store.find(lent.id()).orElseThrow().writes()).isEqualTo(1);

        RechargeOrderView paid = fixtures.order(meter.id(), "30.00");
        assertThat(paid.kwh()).isEqualTo(Kwh.of("20.00"));
        delivery.deliver(RechargeDeliveryFixtures.instruction(paid));

        awaitState(paid.id(), RechargeState.CONFIRMED);
        assertThat(simulated.purchaseCount()).isEqualTo(countBefore + 2);
        assertThat(simulated.remainingKwh()).isEqualByComparingTo(remainingBefore.add(new BigDecimal("30.00")));

        LoginSupport.loginAs(users, "finance");
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
        assertThat(reconciliation.run(today)).noneMatch(finding -> finding.meterId() == meter.id());
    }

    private void start(List<ArchivedMeter> archived) {
        simulator = RechargeDeliveryFixtures.simulator(List.of(
                EngineFixtures.port(1, 9600, Duration.ZERO, RechargeDeliveryFixtures.simulated(archived))));
        engine = new CollectionEngine(EngineFixtures.properties(Duration.ofMillis(300), 1), Clock.systemUTC(),
                EngineFixtures.SHANGHAI);
        engine.start(List.of(RechargeDeliveryFixtures.device(simulator, List.of(archived))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().ports().stream()
                .allMatch(EngineStatus.PortStatus::connected));
        delivery = RechargeDeliveryFixtures.delivery(engine, progress, store, RechargeDeliveryFixtures.FAST_RETRIES,
                locks);
    }

    private void awaitState(long orderId, RechargeState state) {
        await().atMost(DELIVERED).until(() -> progress.find(orderId).orElseThrow().state() == state);
    }
}
