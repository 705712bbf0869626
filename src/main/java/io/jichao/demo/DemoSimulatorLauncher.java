package io.jichao.demo;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;

/**
 * Starts the simulator for the archive's collectors marked <em>simulated</em> once the demo park is
 * seeded ({@code jichao.simulator.enabled}, set by the {@code demo} profile), so the application has
 * devices to read on a laptop. A real collector (not marked simulated) is never played, whatever the
 * settings: its TCP ports are not bound and its registration ID is never dialled. A simulated
 * collector whose TCP port is taken is skipped with a warning naming it and the port; the others
 * run. The simulator is kept from before its first bind, so a context that fails or closes later
 * closes every port it opened ({@link #destroy()}).
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "jichao.simulator.enabled", havingValue = "true")
class DemoSimulatorLauncher implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoSimulatorLauncher.class);

    private final DeviceInventory inventory;
    private final SimulatorProperties properties;
    private final Clock clock;
    private Simulator simulator;

    DemoSimulatorLauncher(DeviceInventory inventory, SimulatorProperties properties, Clock clock) {
        this.inventory = inventory;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void run(ApplicationArguments args) {
        List<CollectorDevice> simulated = inventory.enabledCollectors().stream().filter(CollectorDevice::simulated)
                .toList();
        if (simulated.isEmpty()) {
            log.info("Simulator not started: no collector of the archive is marked simulated");
            return;
        }
        SimulatorConfig config = DemoSimulatorConfigs.from(simulated, properties);
        simulator = new Simulator(config, SimulationClock.scaled(clock.instant(), config.timeScale()));
        Map<String, Exception> skipped = simulator.startEach();
        skipped.forEach((collector, reason) -> log.warn("Simulated collector {} skipped: {}", collector,
                reason.getMessage()));
        log.info("Simulator started: {} of {} simulated collectors, {} meters", config.collectors().size()
                        - skipped.size(), config.collectors().size(),
                config.collectors().stream().filter(c -> !skipped.containsKey(c.id()))
                        .flatMap(c -> c.ports().stream()).mapToInt(p -> p.meters().size()).sum());
    }

    /** The TCP port each running SERVER collector's serial port listens on (tests, monitoring). */
    synchronized Simulator simulator() {
        return simulator;
    }

    @Override
    public synchronized void destroy() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
