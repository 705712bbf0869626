package io.jichao.demo;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.jichao.archive.DeviceInventory;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;

/**
 * Starts the simulator for the archive's collectors and meters once the demo park is seeded
 * ({@code jichao.simulator.enabled}), so the application has devices to read on a laptop. A port
 * that is already taken is logged and the application goes on without the simulator.
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
        SimulatorConfig config = DemoSimulatorConfigs.from(inventory.enabledCollectors(), properties);
        Simulator candidate = new Simulator(config, SimulationClock.scaled(clock.instant(), config.timeScale()));
        try {
            simulator = candidate.start();
            log.info("Simulator started: {} collectors, {} meters", config.collectors().size(),
                    config.collectors().stream().flatMap(c -> c.ports().stream()).mapToInt(p -> p.meters().size()).sum());
        } catch (RuntimeException e) {
            candidate.close();
            log.warn("Simulator not started: {}", e.toString());
        }
    }

    @Override
    public synchronized void destroy() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
