package io.jichao.collection.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;

/** The answer timeout counts from the last request byte: bytes × bits per character / baud. */
class LinkSettingsTest {

    private static LinkSettings settings(int baud, int bitsPerCharacter) {
        return new LinkSettings(Duration.ofSeconds(2), 2, Duration.ZERO, baud, bitsPerCharacter);
    }

    private static int bits(int dataBits, Parity parity, int stopBits) {
        return new PortDevice(1, 2400, dataBits, parity, stopBits, MeterProtocol.DLT645_2007, null, java.util.List.of())
                .bitsPerCharacter();
    }

    @Test
    void a_7e2_port_takes_eleven_bits_per_character_on_the_wire() {
        assertThat(bits(7, Parity.EVEN, 2)).isEqualTo(11);
        // 16 bytes × 11 bits at 1200 bps = 146.666 ms
        assertThat(settings(1200, bits(7, Parity.EVEN, 2)).transferTime(16)).isEqualTo(Duration.ofNanos(146_666_666));
    }

    @Test
    void an_8n1_port_takes_ten_bits_per_character_so_its_timeout_is_shorter_than_8e1() {
        assertThat(bits(8, Parity.NONE, 1)).isEqualTo(10);
        assertThat(bits(8, Parity.EVEN, 1)).isEqualTo(11);
        // 16 bytes × 10 bits at 9600 bps = 16.666 ms after the 2 s answer timeout
        assertThat(settings(9600, bits(8, Parity.NONE, 1)).attemptTimeout(16))
                .isEqualTo(Duration.ofSeconds(2).plusNanos(16_666_666));
        assertThat(settings(9600, 10).attemptTimeout(16)).isLessThan(settings(9600, 11).attemptTimeout(16));
    }

    @Test
    void implausible_framing_is_refused() {
        assertThatThrownBy(() -> settings(2400, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(2400, 13)).isInstanceOf(IllegalArgumentException.class);
    }
}
