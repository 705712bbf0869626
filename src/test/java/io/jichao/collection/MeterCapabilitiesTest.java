package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jichao.protocol.dlt645.DataItem2007;

class MeterCapabilitiesTest {

    private Instant now = Instant.parse("2026-12-08T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final MeterCapabilities capabilities = new MeterCapabilities(clock, Duration.ofHours(24));

    @Test
    void a_refused_item_is_known_refused_until_the_reprobe_period_has_passed() {
        capabilities.refused(7, DataItem2007.VOLTAGE_BLOCK);

        now = now.plus(Duration.ofHours(23));
        assertThat(capabilities.knownRefused(7, DataItem2007.VOLTAGE_BLOCK)).isTrue();
        assertThat(capabilities.knownRefused(8, DataItem2007.VOLTAGE_BLOCK)).as("per meter").isFalse();
        assertThat(capabilities.knownRefused(7, DataItem2007.CURRENT_BLOCK)).isFalse();

        now = now.plus(Duration.ofHours(1));
        assertThat(capabilities.knownRefused(7, DataItem2007.VOLTAGE_BLOCK)).as("due for a re-probe").isFalse();
    }

    @Test
    void changes_go_to_the_listener_and_stored_refusals_are_restored() {
        List<MeterCapabilities.Refusal> changes = new ArrayList<>();
        capabilities.onChange(changes::add);

        capabilities.refused(7, DataItem2007.VOLTAGE_BLOCK);
        capabilities.answered(7, DataItem2007.VOLTAGE_BLOCK);
        capabilities.answered(7, DataItem2007.VOLTAGE_BLOCK);

        assertThat(changes).containsExactly(new MeterCapabilities.Refusal(7, "0201FF00", now),
                new MeterCapabilities.Refusal(7, "0201FF00", null));
        MeterCapabilities restarted = new MeterCapabilities(clock, Duration.ofHours(24));
        restarted.restore(List.of(new MeterCapabilities.Refusal(9, "0202FF00", now.minus(Duration.ofHours(1)))));
        assertThat(restarted.knownRefused(9, DataItem2007.CURRENT_BLOCK)).isTrue();
    }
}
