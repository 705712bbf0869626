package io.jichao.simulator;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole simulated site. Load it from YAML with {@link SimulatorConfigYaml} or build it in code.
 *
 * @param timeScale simulated seconds per real second when the simulator runs on its own clock
 * @param seed      makes load noise, answer preambles and injected faults repeatable
 * @param zone      the meters' local time (freezes, tariffs, clock reads)
 */
public record SimulatorConfig(double timeScale, long seed, ZoneId zone, List<CollectorConfig> collectors) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public SimulatorConfig {
        if (!(timeScale > 0) || zone == null) {
            throw new IllegalArgumentException("timeScale must be positive and a zone is required");
        }
        collectors = List.copyOf(collectors);
        Set<String> ids = new HashSet<>();
        for (CollectorConfig collector : collectors) {
            if (!ids.add(collector.id())) {
                throw new IllegalArgumentException("collector id " + collector.id() + " twice");
            }
        }
    }

    public static SimulatorConfig of(long seed, List<CollectorConfig> collectors) {
        return new SimulatorConfig(1, seed, DEFAULT_ZONE, collectors);
    }

    public SimulatorConfig withTimeScale(double scale) {
        return new SimulatorConfig(scale, seed, zone, collectors);
    }
}
