package io.jichao.collection;

import java.util.function.ToLongFunction;

import io.jichao.collection.link.PortCounters;
import io.jichao.collection.link.PortKey;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Publishes the engine's figures to Micrometer: {@code jichao.collector.online} (1/0 per
 * collector), {@code jichao.port.requests|answers|timeouts|retries|unmatched|corrupt-frames|bytes-in|bytes-out}
 * per port, {@code jichao.readings.buffered} and {@code jichao.readings.dropped}.
 */
final class EngineMetrics {

    private EngineMetrics() {
    }

    static void bind(MeterRegistry registry, CollectionEngine engine, ReadingWriter writer) {
        bindPorts(registry, engine);
        Gauge.builder("jichao.readings.buffered", writer, ReadingWriter::buffered).register(registry);
        FunctionCounter.builder("jichao.readings.dropped", writer, ReadingWriter::dropped).register(registry);
    }

    /**
     * Meters for every collector and port the engine has now; those already registered are kept
     * (a registry returns the existing meter), so this runs again after each reconciliation. Port
     * meters look the port's link up on every scrape: a port reconnected with new settings has a
     * new link (and counters from zero, which monitoring sees as a counter reset).
     */
    static void bindPorts(MeterRegistry registry, CollectionEngine engine) {
        for (EngineStatus.CollectorStatus collector : engine.status().collectors()) {
            Tags collectorTags = Tags.of("collector", collector.name());
            Gauge.builder("jichao.collector.online", () -> online(engine, collector.collectorId()) ? 1 : 0)
                    .tags(collectorTags).register(registry);
            for (EngineStatus.PortStatus port : collector.ports()) {
                PortKey key = new PortKey(collector.collectorId(), port.portNumber());
                Tags tags = collectorTags.and("port", Integer.toString(port.portNumber()));
                counter(registry, "jichao.port.sent", tags, engine, key, PortCounters::sent);
                counter(registry, "jichao.port.answers", tags, engine, key, PortCounters::answers);
                counter(registry, "jichao.port.refused", tags, engine, key, PortCounters::refused);
                counter(registry, "jichao.port.not-sent", tags, engine, key, PortCounters::notSent);
                counter(registry, "jichao.port.timeouts", tags, engine, key, PortCounters::timeouts);
                counter(registry, "jichao.port.retries", tags, engine, key, PortCounters::retries);
                counter(registry, "jichao.port.unmatched", tags, engine, key, PortCounters::unmatched);
                counter(registry, "jichao.port.bytes-in", tags, engine, key, PortCounters::bytesIn);
                counter(registry, "jichao.port.bytes-out", tags, engine, key, PortCounters::bytesOut);
                FunctionCounter.builder("jichao.port.corrupt-frames", engine, e -> e.link(key)
                                .map(l -> l.decodeStatistics().corruptions()).orElse(0L))
                        .tags(tags).register(registry);
            }
        }
    }

    private static boolean online(CollectionEngine engine, long collectorId) {
        return engine.status().collectors().stream()
                .anyMatch(c -> c.collectorId() == collectorId && c.online());
    }

    private static void counter(MeterRegistry registry, String name, Tags tags, CollectionEngine engine, PortKey key,
                                ToLongFunction<PortCounters> value) {
        FunctionCounter.builder(name, engine, e -> e.link(key).map(l -> value.applyAsLong(l.counters())).orElse(0L))
                .tags(tags).register(registry);
    }
}
