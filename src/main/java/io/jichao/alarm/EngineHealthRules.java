package io.jichao.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.jichao.collection.CollectionEngine;
import io.jichao.collection.EngineStatus;
import io.jichao.collection.PortCycle;
import io.jichao.collection.link.PortKey;

/**
 * The alarm rules on the engine's connections (R17): a collector none of whose ports is connected
 * is offline; a port of an online collector is failing when it has had no connection for the
 * grace time, or when none of its meters answered in its last cycle (a shorted or cut bus). The
 * grace keeps the seconds of a reconnect or of start-up from raising alarms. Port alarms of an
 * offline collector are cleared: the collector's alarm says it all. Nothing is judged while the
 * engine does not run in this process.
 */
@Component
class EngineHealthRules {

    private static final Logger log = LoggerFactory.getLogger(EngineHealthRules.class);

    private final CollectionEngine engine;
    private final AlarmRecorder recorder;
    private final AlarmProperties properties;
    private final JdbcTemplate jdbc;
    private final Map<Long, Instant> collectorDownSince = new ConcurrentHashMap<>();
    private final Map<PortKey, Instant> portDownSince = new ConcurrentHashMap<>();

    EngineHealthRules(CollectionEngine engine, AlarmRecorder recorder, AlarmProperties properties, JdbcTemplate jdbc) {
        this.engine = engine;
        this.recorder = recorder;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** One look at every collector and port of the running engine. */
    void check() {
        if (!properties.rulesEnabled() || !engine.running()) {
            return;
        }
        try {
            Instant now = recorder.now();
            Map<PortKey, Long> portIds = portIds();
            for (EngineStatus.CollectorStatus collector : engine.status().collectors()) {
                check(collector, portIds, now);
            }
        } catch (DataAccessException unavailable) {
            log.warn("Engine health not judged: {}", unavailable.getMostSpecificCause().toString());
        }
    }

    private void check(EngineStatus.CollectorStatus collector, Map<PortKey, Long> portIds, Instant now) {
        AlarmSubject subject = AlarmSubject.collector(collector.collectorId());
        if (collector.online()) {
            collectorDownSince.remove(collector.collectorId());
            recorder.clear(AlarmKind.COLLECTOR_OFFLINE, subject);
        } else {
            Instant since = collectorDownSince.computeIfAbsent(collector.collectorId(), id -> now);
            if (graceOver(since, now)) {
                recorder.raise(AlarmKind.COLLECTOR_OFFLINE, subject, "no port of %s connected since %s"
                        .formatted(collector.name(), since));
            }
        }
        for (EngineStatus.PortStatus port : collector.ports()) {
            PortKey key = new PortKey(collector.collectorId(), port.portNumber());
            Long portId = portIds.get(key);
            if (portId == null) {
                continue;
            }
            AlarmSubject portSubject = AlarmSubject.port(portId, collector.collectorId());
            Optional<String> failing = collector.online() ? portFailure(key, port, now) : Optional.empty();
            if (failing.isPresent()) {
                recorder.raise(AlarmKind.PORT_COMM_FAILURE, portSubject, failing.get());
            } else {
                recorder.clear(AlarmKind.PORT_COMM_FAILURE, portSubject);
            }
        }
    }

    private Optional<String> portFailure(PortKey key, EngineStatus.PortStatus port, Instant now) {
        if (!port.connected()) {
            Instant since = portDownSince.computeIfAbsent(key, k -> now);
            return graceOver(since, now) ? Optional.of("port %d not connected since %s".formatted(port.portNumber(),
                    since)) : Optional.empty();
        }
        portDownSince.remove(key);
        Optional<PortCycle> last = engine.lastCycle(key);
        if (last.isPresent() && last.get().meters() > 0 && last.get().succeeded() == 0) {
            return Optional.of("none of the %d meters answered in the cycle finished at %s"
                    .formatted(last.get().meters(), last.get().finishedAt()));
        }
        return Optional.empty();
    }

    private boolean graceOver(Instant since, Instant now) {
        return Duration.between(since, now).compareTo(properties.offlineGrace()) >= 0;
    }

    private Map<PortKey, Long> portIds() {
        Map<PortKey, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, collector_id, port_number FROM serial_port",
                row -> {
                    ids.put(new PortKey(row.getLong(2), row.getInt(3)), row.getLong(1));
                });
        return ids;
    }
}
