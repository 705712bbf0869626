package io.jichao.collection;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.jichao.archive.DeviceInventory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Starts the engine for the archive's enabled collectors once the application is up (after the
 * demo seeder and simulator, so their devices are there). {@code jichao.collection.enabled=false}
 * leaves it off: a web-only process of a two-tier installation (R7).
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "jichao.collection.enabled", havingValue = "true")
class EngineStarter implements ApplicationRunner {

    private final CollectionEngine engine;
    private final DeviceInventory inventory;
    private final ReadingWriter writer;
    private final MeterRegistry registry;
    private final MeterStatusStore statusStore;
    private final EngineRechargeDelivery recharges;
    private final MeterCapabilityStore capabilityStore;

    EngineStarter(CollectionEngine engine, DeviceInventory inventory, ReadingWriter writer, MeterRegistry registry,
                  MeterStatusStore statusStore, EngineRechargeDelivery recharges, MeterCapabilityStore capabilityStore) {
        this.capabilityStore = capabilityStore;
        this.engine = engine;
        this.recharges = recharges;
        this.statusStore = statusStore;
        this.inventory = inventory;
        this.writer = writer;
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Gaps that span a restart are back-filled too: the engine starts from the stored health.
        engine.restoreHealth(statusStore.loadAll());
        // What meters refuse outlives a restart too, so they are not asked it all again.
        engine.capabilities().restore(capabilityStore.loadAll());
        engine.capabilities().onChange(capabilityStore::save);
        engine.start(inventory.enabledCollectors());
        EngineMetrics.bind(registry, engine, writer);
        // Orders placed while no engine ran, and orders a stopped process left SENT (read back first).
        recharges.start();
    }
}
