package io.jichao.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator on its own, without the application:
 * {@code SimulatorMain --config=src/main/resources/simulator/sample.yml}. Runs until interrupted
 * (Ctrl+C); simulated time runs at the file's {@code timeScale}.
 */
public final class SimulatorMain {

    private static final String CONFIG_OPTION = "--config=";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        // Before the first logger exists: the application's logging setup is not meant for this process.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "simulator/logback.xml");
        }
        Logger log = LoggerFactory.getLogger(SimulatorMain.class);
        Path file = configFile(args);
        SimulatorConfig config = SimulatorConfigYaml.load(file);
        Simulator simulator = Simulator.running(config).start();
        for (SimulatedCollector collector : simulator.collectors()) {
            for (SimulatedBus bus : collector.buses()) {
                PortConfig port = bus.config();
                String where = collector.config().mode() == CollectorMode.SERVER
                        ? "listening on " + collector.config().listenHost() + ":" + simulator.boundPort(collector.id(), port.number())
                        : "dialling " + collector.config().dialIn().host() + ":" + collector.config().dialIn().port()
                                + " as " + collector.config().dialIn().registrationFor(port.number());
                log.info("Collector {} port {} ({}, {} bps, {} meters) {}", collector.id(), port.number(),
                        port.protocol(), port.baud(), port.meters().size(), where);
            }
        }
        log.info("Simulator running from {} at {}x real time; Ctrl+C stops it", file, config.timeScale());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
    }

    private static Path configFile(String[] args) {
        for (String arg : args) {
            if (arg.startsWith(CONFIG_OPTION)) {
                return Path.of(arg.substring(CONFIG_OPTION.length()));
            }
        }
        throw new IllegalArgumentException("usage: SimulatorMain --config=FILE.yml");
    }
}
