package io.jichao.collection;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditEvent;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.RechargeDeliveryFixtures.ArchivedMeter;
import io.jichao.prepaid.RechargeProgress;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.ui.HouseholdSearch;
import io.jichao.simulator.Simulator;
import io.jichao.testing.KaribuTest;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The recharge page in a process that runs the engine: picking a household makes the engine read
 * the meter's remaining energy over TCP while the clerk types. The shared test context runs no
 * engine, so the test starts one over its own simulator and registers the real delivery as the
 * context's {@code RechargeDelivery} for its duration, as {@code jichao.collection.enabled=true}
 * would.
 */
class RechargePageReadAheadIT extends KaribuTest {

    private static final String BEAN = "readAheadTestDelivery";

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private RechargeProgress progress;
    @Autowired
    private RechargeDeliveryStore store;
    @Autowired
    private LockProvider locks;
    @Autowired
    private ReadingWriter readings;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ConfigurableApplicationContext context;

    private RechargeDeliveryFixtures fixtures;
    private Simulator simulator;
    private CollectionEngine engine;
    private EngineRechargeDelivery delivery;

    @BeforeEach
    void fixtures() {
        fixtures = new RechargeDeliveryFixtures(meters, structure, tariffs, recharges, users, clock);
    }

    @AfterEach
    void stopEngine() {
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        if (beans.containsSingleton(BEAN)) {
            beans.destroySingleton(BEAN);
        }
        if (delivery != null) {
            delivery.stop();
        }
        if (engine != null) {
            engine.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void picking_a_household_reads_its_remaining_energy_ahead_of_the_order_and_audits_it() {
        ArchivedMeter meter = fixtures.prepaidMeters(1).getFirst();
        startEngineWithDelivery(meter);
        BigDecimal remaining = simulator.electricMeter("R", 1, meter.address()).remainingKwh();

        login("clerk");
        navigateTo("recharge");
        pick(meter.address());

        await().atMost(Duration.ofSeconds(15))
                .until(() -> readings.flush() && !remainingReadings(meter.id()).isEmpty());
        assertThat(remainingReadings(meter.id())).singleElement()
                .satisfies(value -> assertThat(value).isEqualByComparingTo(remaining));
        assertThat(audit.byAction("RECHARGE_PREPARE")).filteredOn(event -> meter.address().equals(event.getTarget()))
                .singleElement().extracting(AuditEvent::getOperatorUsername).isEqualTo("clerk");
    }

    private void startEngineWithDelivery(ArchivedMeter meter) {
        simulator = RechargeDeliveryFixtures.simulator(List.of(EngineFixtures.port(1, 9600, Duration.ZERO,
                RechargeDeliveryFixtures.simulated(List.of(meter)))));
        engine = new CollectionEngine(EngineFixtures.properties(Duration.ofMillis(300), 1), Clock.systemUTC(),
                EngineFixtures.SHANGHAI);
        engine.start(List.of(RechargeDeliveryFixtures.device(simulator, List.of(List.of(meter)))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().ports().stream()
                .allMatch(EngineStatus.PortStatus::connected));
        delivery = RechargeDeliveryFixtures.delivery(engine, progress, store, RechargeDeliveryFixtures.FAST_RETRIES,
                locks, readings);
        context.getBeanFactory().registerSingleton(BEAN, delivery);
    }

    @SuppressWarnings("unchecked")
    private static void pick(String address) {
        _setValue(_get(TextField.class, spec -> spec.withId(HouseholdSearch.TEXT_ID)), address);
        Grid<MeterRow> grid = _get(Grid.class, spec -> spec.withId(HouseholdSearch.GRID_ID));
        grid.select(GridKt._fetch(grid, 0, GridKt._size(grid)).getFirst());
    }

    private List<BigDecimal> remainingReadings(long meterId) {
        return jdbc.queryForList("SELECT value FROM reading WHERE meter_id = ? AND item = 'REMAINING_ENERGY'"
                + " AND source = 'OPERATOR'", BigDecimal.class, meterId);
    }
}
