package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class RechargeDeliveryPropertiesTest {

    private final RechargeDeliveryProperties properties = new RechargeDeliveryProperties(Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofSeconds(30), new BigDecimal("1.00"), "000000", "00000000",
            Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(20));

    @Test
    void the_wait_between_attempts_doubles_from_the_minimum_and_stops_at_the_maximum() {
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(properties.backoff(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.backoff(1000)).isEqualTo(Duration.ofMinutes(5));
    }
}
