package io.jichao.prepaid;

import static io.jichao.prepaid.TariffFixtures.flat;
import static io.jichao.prepaid.TariffFixtures.stepped;
import static io.jichao.prepaid.TariffFixtures.timeOfUse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;

class TariffCalculatorTest {

    @Test
    void flat_recharge_of_money_rounds_the_energy_down() {
        // 10 / 0.5283 = 18.9286...: the customer gets 18.92 kWh, never 18.93 kWh that was not paid for.
        assertThat(TariffCalculator.energyFor(Money.of("10"), flat("0.5283"), Kwh.ZERO)).isEqualTo(Kwh.of("18.92"));
        assertThat(TariffCalculator.energyFor(Money.of("0.01"), flat("0.5000"), Kwh.ZERO)).isEqualTo(Kwh.of("0.02"));
    }

    @Test
    void flat_recharge_of_energy_rounds_the_money_half_up() {
        assertThat(TariffCalculator.costOf(Kwh.of("1"), flat("0.5283"), Kwh.ZERO)).isEqualTo(Money.of("0.53"));
        assertThat(TariffCalculator.costOf(Kwh.of("18.92"), flat("0.5283"), Kwh.ZERO)).isEqualTo(Money.of("10.00"));
        // 0.01 x 0.5 = 0.005 rounds half up to one fen.
        assertThat(TariffCalculator.costOf(Kwh.of("0.01"), flat("0.5000"), Kwh.ZERO)).isEqualTo(Money.of("0.01"));
        assertThat(TariffCalculator.costOf(Kwh.of("0.01"), flat("0.4999"), Kwh.ZERO)).isEqualTo(Money.of("0.00"));
    }

    @Test
    void time_of_use_recharge_uses_the_reference_price() {
        // 100 / 0.65 = 153.846...
        assertThat(TariffCalculator.energyFor(Money.of("100"), timeOfUse(), Kwh.ZERO)).isEqualTo(Kwh.of("153.84"));
        assertThat(TariffCalculator.costOf(Kwh.of("100"), timeOfUse(), Kwh.ZERO)).isEqualTo(Money.of("65.00"));
    }

    @Test
    void stepped_recharge_uses_the_block_of_the_month_to_date_usage() {
        assertThat(TariffCalculator.rechargePrice(stepped(), Kwh.ZERO)).isEqualTo(PricePerKwh.of("0.5000"));
        assertThat(TariffCalculator.rechargePrice(stepped(), Kwh.of("199.99"))).isEqualTo(PricePerKwh.of("0.5000"));
        assertThat(TariffCalculator.rechargePrice(stepped(), Kwh.of("200.00"))).isEqualTo(PricePerKwh.of("0.5500"));
        assertThat(TariffCalculator.rechargePrice(stepped(), Kwh.of("399.99"))).isEqualTo(PricePerKwh.of("0.5500"));
        assertThat(TariffCalculator.rechargePrice(stepped(), Kwh.of("400.00"))).isEqualTo(PricePerKwh.of("0.8000"));
        assertThat(TariffCalculator.energyFor(Money.of("11"), stepped(), Kwh.of("250"))).isEqualTo(Kwh.of("20.00"));
    }

    @Test
    void time_of_use_prices_each_hour_by_its_period_in_shanghai_at_the_edges() {
        List<HourlyUsage> profile = List.of(
                shanghai("2026-03-10T07:00", "2.00"),   // valley: 0.60
                shanghai("2026-03-10T08:00", "1.50"),   // peak, first hour: 1.50
                shanghai("2026-03-10T11:00", "1.00"),   // peak, last hour: 1.00
                shanghai("2026-03-10T12:00", "1.00"),   // flat, first hour: 0.60
                shanghai("2026-03-10T22:00", "0.50"),   // flat, last hour: 0.30
                shanghai("2026-03-10T23:00", "3.00"),   // valley across midnight: 0.90
                shanghai("2026-03-11T00:00", "1.00"));  // valley: 0.30
        assertThat(TariffCalculator.costOfUsage(timeOfUse(), profile, Kwh.ZERO)).isEqualTo(Money.of("5.20"));
    }

    @Test
    void time_of_use_reads_utc_timestamps_in_shanghai_time() {
        ZonedDateTime utcMidnight = LocalDateTime.parse("2026-03-10T00:00").atZone(ZoneOffset.UTC); // 08:00 in Shanghai
        ZonedDateTime utcEleven = LocalDateTime.parse("2026-03-09T23:00").atZone(ZoneOffset.UTC);   // 07:00 in Shanghai
        assertThat(TariffCalculator.costOfUsage(timeOfUse(), List.of(new HourlyUsage(utcMidnight, Kwh.of("1"))),
                Kwh.ZERO)).isEqualTo(Money.of("1.00"));
        assertThat(TariffCalculator.costOfUsage(timeOfUse(), List.of(new HourlyUsage(utcEleven, Kwh.of("1"))),
                Kwh.ZERO)).isEqualTo(Money.of("0.30"));
    }

    @Test
    void usage_is_rounded_once_on_the_total_not_per_hour() {
        // Three valley hours of 0.01 kWh: 3 x 0.003 = 0.009, one fen; rounding per hour would give nothing.
        List<HourlyUsage> profile = List.of(shanghai("2026-03-10T01:00", "0.01"),
                shanghai("2026-03-10T02:00", "0.01"), shanghai("2026-03-10T03:00", "0.01"));
        assertThat(TariffCalculator.costOfUsage(timeOfUse(), profile, Kwh.ZERO)).isEqualTo(Money.of("0.01"));
    }

    @Test
    void stepped_usage_splits_an_hour_that_crosses_block_edges() {
        List<HourlyUsage> profile = List.of(
                shanghai("2026-03-10T10:00", "20.00"),   // 10 at 0.50 + 10 at 0.55 = 10.50
                shanghai("2026-03-10T11:00", "200.00")); // 190 at 0.55 + 10 at 0.80 = 112.50
        assertThat(TariffCalculator.costOfUsage(stepped(), profile, Kwh.of("190"))).isEqualTo(Money.of("123.00"));
    }

    @Test
    void stepped_usage_starts_again_in_a_new_shanghai_month() {
        List<HourlyUsage> profile = List.of(
                shanghai("2026-04-01T00:00", "10.00"),   // new month: 10 at 0.50 = 5.00
                shanghai("2026-03-31T23:00", "20.00"));  // listed out of order: 10 at 0.55 + 10 at 0.80 = 13.50
        assertThat(TariffCalculator.costOfUsage(stepped(), profile, Kwh.of("390"))).isEqualTo(Money.of("18.50"));
    }

    @Test
    void flat_usage_is_energy_times_price() {
        List<HourlyUsage> profile = List.of(shanghai("2026-03-10T10:00", "1.25"), shanghai("2026-03-10T11:00", "2.75"));
        assertThat(TariffCalculator.costOfUsage(flat("0.5283"), profile, Kwh.ZERO)).isEqualTo(Money.of("2.11"));
        assertThat(TariffCalculator.costOfUsage(flat("0.5283"), List.of(), Kwh.ZERO)).isEqualTo(Money.ZERO);
    }

    @Test
    void stepped_cost_equals_the_cost_of_the_same_energy_in_one_hour() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(42L);
        for (int round = 0; round < 500; round++) {
            List<HourlyUsage> hours = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int h = 0; h < 24; h++) {
                BigDecimal kwh = BigDecimal.valueOf(random.nextLong(0, 5_000), 2);
                total = total.add(kwh);
                hours.add(new HourlyUsage(LocalDateTime.parse("2026-03-10T00:00").plusHours(h)
                        .atZone(TimeConfiguration.DISPLAY_ZONE), new Kwh(kwh)));
            }
            Kwh before = new Kwh(BigDecimal.valueOf(random.nextLong(0, 50_000), 2));
            Money hourly = TariffCalculator.costOfUsage(stepped(), hours, before);
            Money lump = TariffCalculator.costOfUsage(stepped(),
                    List.of(new HourlyUsage(hours.getFirst().hourStart(), new Kwh(total))), before);
            assertThat(hourly).isEqualTo(lump);
        }
    }

    private static HourlyUsage shanghai(String localHour, String kwh) {
        return new HourlyUsage(LocalDateTime.parse(localHour).atZone(TimeConfiguration.DISPLAY_ZONE), Kwh.of(kwh));
    }
}
