package io.jichao.collection;

import java.util.function.ToLongFunction;

import io.jichao.collection.link.PortCounters;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
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
        for (EngineStatus.CollectorStatus collector : engine.status().collectors()) {
            Tags collectorTags = Tags.of("collector", collector.name());
            Gauge.builder("jichao.collector.online", () -> online(engine, collector.collectorId()) ? 1 : 0)
                    .tags(collectorTags).register(registry);
            for (EngineStatus.PortStatus port : collector.ports()) {
                PortLink link = engine.link(new PortKey(collector.collectorId(), port.portNumber())).orElseThrow();
                Tags tags = collectorTags.and("port", Integer.toString(port.portNumber()));
                counter(registry, "jichao.port.sent", tags, link, PortCounters::sent);
                counter(registry, "jichao.port.answers", tags, link, PortCounters::answers);
                counter(registry, "jichao.port.refused", tags, link, PortCounters::refused);
                counter(registry, "jichao.port.not-sent", tags, link, PortCounters::notSent);
                counter(registry, "jichao.port.timeouts", tags, link, PortCounters::timeouts);
                counter(registry, "jichao.port.retries", tags, link, PortCounters::retries);
                counter(registry, "jichao.port.unmatched", tags, link, PortCounters::unmatched);
                counter(registry, "jichao.port.bytes-in", tags, link, PortCounters::bytesIn);
                counter(registry, "jichao.port.bytes-out", tags, link, PortCounters::bytesOut);
                FunctionCounter.builder("jichao.port.corrupt-frames", link, l -> l.decodeStatistics().corruptions())
                        .tags(tags).register(registry);
            }
        }
        Gauge.builder("jichao.readings.buffered", writer, ReadingWriter::buffered).register(registry);
        FunctionCounter.builder("jichao.readings.dropped", writer, ReadingWriter::dropped).register(registry);
    }

    private static boolean online(CollectionEngine engine, long collectorId) {
        return engine.status().collectors().stream()
                .anyMatch(c -> c.collectorId() == collectorId && c.online());
    }

    private static void counter(MeterRegistry registry, String name, Tags tags, PortLink link,
                                ToLongFunction<PortCounters> value) {
        FunctionCounter.builder(name, link, l -> value.applyAsLong(l.counters())).tags(tags).register(registry);
    }
}
