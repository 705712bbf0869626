package io.jichao.protocol.dlt645;

import static io.jichao.protocol.dlt645.HexBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MeterAddressTest {

    @Test
    void sends_least_significant_byte_first() {
        assertThat(MeterAddress.of("123456789012").toWire()).isEqualTo(hex("12 90 78 56 34 12"));
    }

    @Test
    void reads_wire_bytes_back_into_digits() {
        assertThat(MeterAddress.fromWire(hex("00 12 90 78 56 34 12"), 1)).isEqualTo(MeterAddress.of("123456789012"));
    }

    @Test
    void names_broadcast_and_wildcard_addresses() {
        assertThat(MeterAddress.broadcast().toWire()).isEqualTo(hex("99 99 99 99 99 99"));
        assertThat(MeterAddress.wildcard().toWire()).isEqualTo(hex("AA AA AA AA AA AA"));
        assertThat(MeterAddress.fromWire(hex("AA AA AA AA AA AA"), 0).isWildcard()).isTrue();
        assertThat(MeterAddress.of("999999999999").isBroadcast()).isTrue();
    }

    @Test
    void rejects_wrong_length_with_a_clear_message() {
        assertThatIllegalArgumentException().isThrownBy(() -> MeterAddress.of("12345"))
                .withMessageContaining("12 digits").withMessageContaining("12345");
    }

    @Test
    void rejects_non_digits_with_a_clear_message() {
        assertThatIllegalArgumentException().isThrownBy(() -> MeterAddress.of("12345678901x"))
                .withMessageContaining("only the digits");
        assertThatIllegalArgumentException().isThrownBy(() -> MeterAddress.of("A23456789012"));
    }

    @Test
    void rejects_wire_bytes_that_are_not_bcd() {
        assertThat(MeterAddress.isValidWire(hex("1F 90 78 56 34 12"), 0)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> MeterAddress.fromWire(hex("1F 90 78 56 34 12"), 0));
    }

    @Test
    void shortened_wildcard_address_accepts_matching_meters() {
        MeterAddress shortened = MeterAddress.of("AAAA56789012");
        assertThat(shortened.toWire()).isEqualTo(hex("12 90 78 56 AA AA"));
        assertThat(shortened.accepts(MeterAddress.of("123456789012"))).isTrue();
        assertThat(shortened.accepts(MeterAddress.of("123456789013"))).isFalse();
        assertThat(MeterAddress.wildcard().accepts(MeterAddress.of("000000000001"))).isTrue();
    }
}
