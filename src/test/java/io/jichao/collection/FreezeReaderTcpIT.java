package io.jichao.collection;

import static io.jichao.collection.EngineFixtures.device;
import static io.jichao.collection.EngineFixtures.meterId;
import static io.jichao.collection.EngineFixtures.meters;
import static io.jichao.collection.EngineFixtures.port;
import static io.jichao.collection.EngineFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.jichao.archive.ConnectionMode;
import io.jichao.collection.FrozenEnergy.Kind;
import io.jichao.collection.link.Priority;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.FreezeRecord;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;

/** Reading a meter's freezes back over TCP, without Spring: hourly within two days, daily beyond. */
class FreezeReaderTcpIT {

    private Simulator simulator;
    private CollectionEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void a_gap_of_five_days_gives_all_48_hourly_freezes_and_the_daily_ones_before_them() {
        simulator = EngineFixtures.start(CollectorConfig.server("A", Dh600Model.DH601,
                List.of(port(1, 19200, Duration.ZERO, meters("3701010100", 1)))));
        SimulationClock.Manual simulated = (SimulationClock.Manual) simulator.clock();
        // The first request makes the simulated meter catch up five days minute by minute, which
        // takes longer than a real meter's answer time.
        engine = new CollectionEngine(properties(Duration.ofSeconds(2), 0), Clock.systemUTC(), EngineFixtures.SHANGHAI);
        engine.start(List.of(device(simulator, 1, "A", ConnectionMode.SERVER, null)));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().online());
        Instant gapStart = simulated.now().plus(Duration.ofMinutes(30));
        simulated.advance(Duration.ofDays(5).plusMinutes(10));

        Backfill backfill = engine.readFreezes(meterId(1, 1, 0), gapStart, simulated.now(), Priority.CYCLE)
                .orElseThrow();

        ElectricMeter meter = simulator.electricMeter("A", 1, "370101010001");
        List<FrozenEnergy> hourly = backfill.freezes().stream().filter(f -> f.kind() == Kind.HOURLY).toList();
        List<FrozenEnergy> daily = backfill.freezes().stream().filter(f -> f.kind() == Kind.DAILY).toList();
        assertThat(hourly).hasSize(48);
        Instant oldestHourly = hourly.getLast().frozenAt();
        List<FreezeRecord> expectedDaily = meter.dailyFreezes().stream()
                .filter(f -> instant(f).isAfter(gapStart) && instant(f).isBefore(oldestHourly)).toList();
        assertThat(expectedDaily).hasSizeBetween(2, 3);
        assertThat(daily).extracting(FrozenEnergy::frozenAt)
                .containsExactlyElementsOf(expectedDaily.stream().map(FreezeReaderTcpIT::instant).toList());
        assertThat(daily).extracting(FrozenEnergy::forwardKwh)
                .containsExactlyElementsOf(expectedDaily.stream().map(FreezeRecord::forwardTotal).toList());
        assertThat(hourly).extracting(FrozenEnergy::forwardKwh)
                .containsExactlyElementsOf(meter.hourlyFreezes().stream().map(FreezeRecord::forwardTotal).toList());
        assertThat(hourly.getFirst().forwardKwh()).isGreaterThan(new BigDecimal("1001"));
    }

    private static Instant instant(FreezeRecord freeze) {
        return freeze.time().atZone(EngineFixtures.SHANGHAI).toInstant();
    }
}
