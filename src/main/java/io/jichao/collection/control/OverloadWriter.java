package io.jichao.collection.control;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.audit.AuditTrail;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.CollectionEngine.MeterRoute;
import io.jichao.collection.link.BusRequest;
import io.jichao.collection.link.ExchangeOutcome;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.protocol.dlt645.Authorization;
import io.jichao.protocol.dlt645.DataValue;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.MeasurementUnit;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.dlt645.MeterProfile;
import io.jichao.protocol.dlt645.ProfileItem;

/**
 * Writes due overload parameters (maximum power 04000E01 and the profile's sudden-power threshold)
 * through the engine's queue at WRITE priority and verifies them by reading both back. A setting
 * left WRITTEN (acknowledged, not yet read back) is read first and not written again when the
 * meter already holds it. Failures are retried with back-off ({@code retry-min} doubling to
 * {@code retry-max}) up to {@code max-attempts}, then FAILED. Ports in parallel, the meters of a
 * port in turn; settings of meters on no bus of this engine stay due.
 */
public class OverloadWriter {

    private static final Logger log = LoggerFactory.getLogger(OverloadWriter.class);
    private static final int BATCH = 500;
    static final String ACTOR = "engine";

    private final CollectionEngine engine;
    private final OverloadStore store;
    private final MeterProfile profile;
    private final Authorization authorization;
    private final ControlProperties.Overload settings;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OverloadWriter(CollectionEngine engine, OverloadStore store, MeterProfile profile, ControlProperties properties,
                   AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.profile = profile;
        this.authorization = properties.authorization();
        this.settings = properties.overload();
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One pass over the due settings; returns how many were verified. Blocks for the bus time. */
    public int writeDue() {
        if (!engine.running()) {
            return 0;
        }
        Map<PortKey, List<Map.Entry<MeterRoute, OverloadSetting>>> byPort = new LinkedHashMap<>();
        for (OverloadSetting setting : store.due(clock.instant(), BATCH)) {
            engine.route(setting.meterId()).ifPresent(route -> byPort.computeIfAbsent(route.port(),
                    key -> new ArrayList<>()).add(Map.entry(route, setting)));
        }
        AtomicInteger verified = new AtomicInteger();
        try (ExecutorService ports = Executors.newVirtualThreadPerTaskExecutor()) {
            byPort.forEach((key, settingsOfPort) -> ports.submit(() -> {
                Optional<PortLink> link = engine.link(key);
                for (Map.Entry<MeterRoute, OverloadSetting> entry : settingsOfPort) {
                    try {
                        if (link.isPresent() && attempt(link.get(), entry.getKey(), entry.getValue())) {
                            verified.incrementAndGet();
                        }
                    } catch (RuntimeException failed) {
                        log.warn("Overload parameters of meter {}: {}", entry.getValue().meterId(), failed.toString());
                    }
                }
            }));
        }
        return verified.get();
    }

    private boolean attempt(PortLink link, MeterRoute route, OverloadSetting setting) {
        MeterAddress address = MeterAddress.of(route.meter().wireAddress());
        BigDecimal max = setting.desiredMaxPowerKw();
        BigDecimal sudden = setting.desiredSuddenPowerKw();
        if (setting.state() == OverloadState.WRITTEN) {
            String check = readBack(link, address, max, sudden);
            if (check == null) {
                return verified(setting, "found on read-back");
            }
        }
        String maxWrite = write(link, address, profile.maximumPower(), max);
        String suddenWrite = maxWrite == null ? write(link, address, profile.suddenPowerThreshold(), sudden) : null;
        if (maxWrite != null || suddenWrite != null) {
            return failed(setting, maxWrite != null ? "maximum power: " + maxWrite : "sudden power: " + suddenWrite);
        }
        store.written(setting, max, sudden);
        String check = readBack(link, address, max, sudden);
        return check == null ? verified(setting, "written and read back") : failed(setting, check);
    }

    /** Null when the meter reports both values, else what it reported. */
    private String readBack(PortLink link, MeterAddress address, BigDecimal max, BigDecimal sudden) {
        Object maxNow = MeterValues.read(link, address, profile.maximumPower().item(), Priority.WRITE);
        Object suddenNow = MeterValues.read(link, address, profile.suddenPowerThreshold().item(), Priority.WRITE);
        boolean maxOk = maxNow instanceof DataValue.Quantity q && q.value().compareTo(max) == 0;
        boolean suddenOk = suddenNow instanceof DataValue.Quantity q && q.value().compareTo(sudden) == 0;
        return maxOk && suddenOk ? null
                : "read-back maximum power " + shown(maxNow) + ", sudden power " + shown(suddenNow);
    }

    private static String shown(Object value) {
        return value instanceof DataValue.Quantity q ? q.value().stripTrailingZeros().toPlainString() + " kW"
                : String.valueOf(value);
    }

    /** Null when acknowledged, else why not. A parameter write may be repeated, so the bus may retry it. */
    private String write(PortLink link, MeterAddress address, ProfileItem item, BigDecimal kw) {
        var frame = Dlt645Commands.write(address, item.item(), authorization.atLevel(item.passwordLevel()),
                new DataValue.Quantity(kw, MeasurementUnit.KILOWATT));
        return switch (MeterValues.await(link.exchange(BusRequest.of(frame), Priority.WRITE))) {
            case ExchangeOutcome.Answered answered -> null;
            case ExchangeOutcome.Refused refused -> "write refused (" + refused.error() + ")";
            case ExchangeOutcome.TimedOut timedOut -> "write not answered";
            case ExchangeOutcome.LinkDown down -> "link down (" + down.reason() + ")";
            case ExchangeOutcome other -> other.toString();
        };
    }

    private boolean verified(OverloadSetting setting, String how) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            store.verified(setting, setting.desiredMaxPowerKw(), setting.desiredSuddenPowerKw(), now);
            audit.record(ACTOR, "OVERLOAD_VERIFIED", setting.address(), how + ": maximum power "
                    + setting.desiredMaxPowerKw().toPlainString() + " kW, sudden power "
                    + setting.desiredSuddenPowerKw().toPlainString() + " kW");
        });
        return true;
    }

    private boolean failed(OverloadSetting setting, String reason) {
        Instant now = clock.instant();
        int failures = setting.attempts() + 1;
        boolean last = failures >= settings.maxAttempts();
        transactions.executeWithoutResult(tx -> {
            store.failed(setting, reason, now.plus(settings.backoff(failures)), last, now);
            if (last) {
                audit.record(ACTOR, "OVERLOAD_FAILED", setting.address(), "after " + failures + " attempts: " + reason);
            }
        });
        return false;
    }
}
