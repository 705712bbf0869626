package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.collection.RechargeDeliveryFixtures.ArchivedMeter;
import io.jichao.prepaid.HandheldFile;
import io.jichao.prepaid.HandheldTaskService;
import io.jichao.prepaid.HandheldTaskService.TaskFile;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeProgress;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.RechargeState;
import io.jichao.prepaid.TariffService;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.Simulator;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * An order handed to a handheld is never written by the engine, even when the engine had it
 * queued already, and is delivered by the engine once a result file gives it back as failed.
 * Simulated meter over TCP, MariaDB.
 */
@JichaoSpringTest
class EngineHandheldReservationIT {

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
    private HandheldTaskService handheld;
    @Autowired
    private JdbcTemplate jdbc;
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
    void the_engine_leaves_a_reserved_order_alone_and_delivers_it_once_the_handheld_gives_it_back() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        start(archived);
        ElectricMeter simulated = simulator.electricMeter("R", 1, meter.address());
        int countBefore = simulated.purchaseCount();
        RechargeOrderView order = fixtures.order(meter.id(), "20.00");
        LoginSupport.loginAs(users, "clerk");
        TaskFile file = handheld.export(List.of(order.id()));

        // The engine was handed the order at placing time (in-memory queue) and polls the waiting ones.
        delivery.deliver(RechargeDeliveryFixtures.instruction(order));
        delivery.resume();

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> simulated.purchaseCount() == countBefore);
        assertThat(progress.find(order.id()).orElseThrow().state()).isEqualTo(RechargeState.CREATED);
        assertThat(store.find(order.id()).map(RechargeDeliveryStore.Delivery::writes).orElse(0)).isZero();

        handheld.importResults(failedResult(file, order, meter));
        delivery.resume();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> progress.find(order.id()).orElseThrow().state() == RechargeState.CONFIRMED);
        assertThat(simulated.purchaseCount()).isEqualTo(countBefore + 1);
    }

    /** The handheld could not reach the meter: its signed result file says FAILED. */
    private InputStream failedResult(TaskFile file, RechargeOrderView order, ArchivedMeter meter) {
        Map<String, Object> site = jdbc.queryForMap("SELECT site_id, secret FROM handheld_site WHERE id = 1");
        byte[] content = new HandheldFile(HandheldFile.Kind.RESULT, (String) site.get("site_id"), file.taskId(),
                Instant.now(), "unit-2", List.of(List.of(String.valueOf(order.id()), meter.address(), "FAILED", "", "",
                "", "", Instant.now().toString(), "optical head not answering")))
                .write(HexFormat.of().parseHex((String) site.get("secret")));
        return new ByteArrayInputStream(content);
    }

    private void start(List<ArchivedMeter> archived) {
        List<PortConfig> ports = new ArrayList<>();
        ports.add(EngineFixtures.port(1, 9600, Duration.ZERO, RechargeDeliveryFixtures.simulated(archived)));
        simulator = RechargeDeliveryFixtures.simulator(ports);
        engine = new CollectionEngine(EngineFixtures.properties(Duration.ofMillis(300), 1), Clock.systemUTC(),
                EngineFixtures.SHANGHAI);
        engine.start(List.of(RechargeDeliveryFixtures.device(simulator, List.of(archived))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().ports().stream()
                .allMatch(EngineStatus.PortStatus::connected));
        delivery = RechargeDeliveryFixtures.delivery(engine, progress, store, RechargeDeliveryFixtures.FAST_RETRIES,
                locks);
    }
}
