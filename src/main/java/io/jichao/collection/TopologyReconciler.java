package io.jichao.collection;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.jichao.archive.ArchiveDevicesChanged;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the running engine in line with the archive (R16, R7), on two tiers: at once after a
 * committed change of this process ({@link ArchiveDevicesChanged}), and every
 * {@code reconcile-interval} for changes made by another process. Reconciliations run one at a
 * time on a thread of their own; requests that arrive meanwhile fold into one more run.
 */
@Component
@ConditionalOnProperty(name = "jichao.collection.enabled", havingValue = "true")
@EnableConfigurationProperties(TopologyProperties.class)
public class TopologyReconciler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopologyReconciler.class);

    private final CollectionEngine engine;
    private final Supplier<List<CollectorDevice>> inventory;
    private final TopologyProperties properties;
    /** Null in tests without metrics. */
    private final MeterRegistry registry;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("topology-reconciler").factory());
    private final AtomicBoolean pending = new AtomicBoolean();

    @Autowired
    public TopologyReconciler(CollectionEngine engine, DeviceInventory inventory, TopologyProperties properties,
                              MeterRegistry registry) {
        this(engine, inventory::enabledCollectors, properties, registry);
    }

    /** Reconciles with what {@code inventory} returns (tests: a part of the shared archive). */
    TopologyReconciler(CollectionEngine engine, Supplier<List<CollectorDevice>> inventory,
                       TopologyProperties properties, MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
        this.inventory = inventory;
        this.properties = properties;
        long every = properties.reconcileInterval().toMillis();
        runner.scheduleWithFixedDelay(this::runNow, every, every, TimeUnit.MILLISECONDS);
    }

    @EventListener
    public void onDevicesChanged(ArchiveDevicesChanged event) {
        log.debug("Archive devices changed ({}): reconciling the engine", event.cause());
        requestSoon();
    }

    /** Runs a reconciliation as soon as the one in progress (if any) is over. */
    public void requestSoon() {
        if (pending.compareAndSet(false, true)) {
            runner.execute(this::runNow);
        }
    }

    private void runNow() {
        pending.set(false);
        if (!engine.running()) {
            return;
        }
        try {
            engine.reconcile(inventory.get());
            if (registry != null) {
                EngineMetrics.bindPorts(registry, engine);
            }
            engine.expireConnecting(properties.connectingGrace());
        } catch (RuntimeException failed) {
            // The database may be away for a while; the next run tries again.
            log.warn("Reconciling the engine with the archive failed: {}", failed.toString());
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
