package io.jichao.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    private static final RandomGenerator RANDOM = RandomGeneratorFactory.of("L64X128MixRandom").create(20261124L);

    @Test
    void always_has_two_decimals() {
        assertThat(Money.of("5").toString()).isEqualTo("5.00");
        assertThat(Money.of("5.1").yuan().scale()).isEqualTo(2);
        assertThat(Money.of("5.10")).isEqualTo(Money.of("5.1"));
    }

    @Test
    void refuses_to_round_silently_when_constructed() {
        assertThatThrownBy(() -> Money.of("1.005")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rounds_half_up_only_where_asked() {
        assertThat(Money.rounded(new BigDecimal("1.005"))).isEqualTo(Money.of("1.01"));
        assertThat(Money.rounded(new BigDecimal("1.004999"))).isEqualTo(Money.of("1.00"));
        assertThat(Money.rounded(new BigDecimal("-1.005"))).isEqualTo(Money.of("-1.01"));
        assertThat(Money.of("10.00").times(new BigDecimal("0.5283"))).isEqualTo(Money.of("5.28"));
        assertThat(Money.of("0.01").times(new BigDecimal("0.5"))).isEqualTo(Money.of("0.01"));
    }

    @Test
    void adds_subtracts_negates_and_compares_exactly() {
        Money a = Money.of("0.10");
        Money b = Money.of("0.20");
        assertThat(a.plus(b)).isEqualTo(Money.of("0.30"));
        assertThat(a.minus(b)).isEqualTo(Money.of("-0.10"));
        assertThat(a.minus(b).isNegative()).isTrue();
        assertThat(a.negate().negate()).isEqualTo(a);
        assertThat(b.isGreaterThan(a)).isTrue();
        assertThat(a.compareTo(b)).isNegative();
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.5|12.50", "  100 |100.00", "1,234.56|1234.56", "０．５|0.50", "¥8|8.00", ".5|0.50", "100000.00|100000.00"})
    void parses_what_a_person_types(String text, String expected) {
        assertThat(Money.parse(text)).isEqualTo(Money.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-5|error.money.negative", "0|error.money.zero", "0.00|error.money.zero",
            "1.234|error.money.decimals", "abc|error.money.not.number", "1e3|error.money.not.number",
            "''|error.money.not.number", "1.2.3|error.money.not.number", "100000.01|error.money.too.large",
            "NaN|error.money.not.number", "Infinity|error.money.not.number"})
    void refuses_bad_input_with_a_readable_key(String text, String key) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void null_input_is_not_a_number() {
        assertThatThrownBy(() -> Money.parse(null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.money.not.number"));
    }

    @Test
    void the_limit_is_configurable() {
        assertThat(Money.parse("50", Money.of("50"))).isEqualTo(Money.of("50"));
        assertThatThrownBy(() -> Money.parse("50.01", Money.of("50")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.arguments()).containsExactly("50.00"));
    }

    @Test
    void trailing_zeros_beyond_two_decimals_are_accepted() {
        assertThat(Money.parse("3.1000")).isEqualTo(Money.of("3.10"));
    }

    @Test
    void printing_and_parsing_round_trips_for_random_amounts() {
        for (int i = 0; i < 10_000; i++) {
            Money money = new Money(BigDecimal.valueOf(1 + RANDOM.nextLong(10_000_000L), 2));
            assertThat(Money.parse(money.toString())).isEqualTo(money);
        }
    }

    @Test
    void sums_are_exact_and_order_independent_for_random_amounts() {
        for (int i = 0; i < 1_000; i++) {
            Money a = randomSigned();
            Money b = randomSigned();
            Money c = randomSigned();
            assertThat(a.plus(b).plus(c)).isEqualTo(c.plus(a).plus(b));
            assertThat(a.plus(b).minus(b)).isEqualTo(a);
            assertThat(a.plus(a.negate())).isEqualTo(Money.ZERO);
        }
    }

    @Test
    void times_never_differs_from_the_exact_product_by_more_than_half_a_fen() {
        BigDecimal halfFen = new BigDecimal("0.005");
        for (int i = 0; i < 5_000; i++) {
            Money money = randomSigned();
            BigDecimal factor = BigDecimal.valueOf(RANDOM.nextLong(1, 100_000), 4);
            BigDecimal exact = money.yuan().multiply(factor);
            assertThat(money.times(factor).yuan().subtract(exact).abs()).isLessThanOrEqualTo(halfFen);
        }
    }

    private static Money randomSigned() {
        return new Money(BigDecimal.valueOf(RANDOM.nextLong(-10_000_000L, 10_000_000L), 2));
    }
}
