package io.jichao.collection.control;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.audit.AuditTrail;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.RelayReadBack;

/** Control parts wired by hand over a test engine, with fast timings and the events they publish. */
final class ControlTestSupport {

    static final ControlProperties FAST = new ControlProperties("000000", "00000000", "04A00102",
            new ControlProperties.Relay(2, Duration.ZERO, Duration.ofMinutes(5)),
            new ControlProperties.Overload(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(8), 3,
                    Duration.ofMinutes(1)),
            new ControlProperties.Gentle(Duration.ofSeconds(1), Duration.ofMinutes(1)));

    final List<RelayReadBack> readBacks = new CopyOnWriteArrayList<>();
    final RelayPath path;

    ControlTestSupport(CollectionEngine engine, JdbcTemplate jdbc, AuditTrail audit,
                       PlatformTransactionManager transactions, Clock clock) {
        this.path = new RelayPath(engine,
                new RelayCommander(ControlConfiguration.profile(FAST), FAST, clock, ControlConfiguration.METER_ZONE),
                new RelayCommandStore(jdbc), audit, new TransactionTemplate(transactions),
                event -> {
                    if (event instanceof RelayReadBack readBack) {
                        readBacks.add(readBack);
                    }
                }, clock);
    }
}
