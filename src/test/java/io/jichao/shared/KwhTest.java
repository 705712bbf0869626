package io.jichao.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KwhTest {

    private static final RandomGenerator RANDOM = RandomGeneratorFactory.of("L64X128MixRandom").create(7L);

    @Test
    void has_two_decimals_and_rounds_only_as_told() {
        assertThat(Kwh.of("3").toString()).isEqualTo("3.00");
        assertThat(Kwh.rounded(new BigDecimal("1.239"), RoundingMode.DOWN)).isEqualTo(Kwh.of("1.23"));
        assertThat(Kwh.rounded(new BigDecimal("1.235"), RoundingMode.HALF_UP)).isEqualTo(Kwh.of("1.24"));
        assertThatThrownBy(() -> Kwh.of("1.234")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void adds_and_subtracts_exactly() {
        assertThat(Kwh.of("0.10").plus(Kwh.of("0.20"))).isEqualTo(Kwh.of("0.30"));
        assertThat(Kwh.of("0.10").minus(Kwh.of("0.20")).isNegative()).isTrue();
        assertThat(Kwh.of("1").negate()).isEqualTo(Kwh.of("-1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1|error.kwh.negative", "0|error.kwh.zero", "1.001|error.kwh.decimals", "x|error.kwh.not.number",
            "100000.01|error.kwh.too.large"})
    void refuses_bad_input_with_a_readable_key(String text, String key) {
        assertThatThrownBy(() -> Kwh.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void printing_and_parsing_round_trips_for_random_amounts() {
        for (int i = 0; i < 10_000; i++) {
            Kwh kwh = new Kwh(BigDecimal.valueOf(1 + RANDOM.nextLong(10_000_000L), 2));
            assertThat(Kwh.parse(kwh.toString())).isEqualTo(kwh);
        }
    }
}
