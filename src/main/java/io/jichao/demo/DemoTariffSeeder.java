package io.jichao.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.prepaid.PeriodKind;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffProvisioning;
import io.jichao.prepaid.TariffStep;
import io.jichao.prepaid.TouPeriod;
import io.jichao.shared.Kwh;
import io.jichao.shared.TimeConfiguration;

/**
 * Prices the demo park so that its recharge page works at once: three tariff groups whose versions
 * are in force since 1 January of last year, every electricity meter of the park in one of them
 * (prepaid, post-paid main meters and any other mode alike, by building); the site default group
 * stays as a plain install has it (a meter added later is priced by putting it in a group). Prices are of the kind a Shanghai park
 * pays (yuan/kWh): residential flat 0.6170; residential stepped 0.6170 / 0.6670 / 0.9170 above
 * 260 and 400 kWh a month; commercial time-of-use peak 1.0800 (08-11, 18-21), flat 0.7000,
 * valley 0.3300 (22-06). Runs after {@link DemoSiteSeeder}, once: only while no tariff version
 * exists.
 */
@Component
@Order(4)
class DemoTariffSeeder implements ApplicationRunner {

    static final String FLAT = "居民平价电价";
    static final String TIME_OF_USE = "一般工商业分时电价";
    static final String STEPPED = "居民阶梯电价";
    static final String BY = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoTariffSeeder.class);

    /** Which group prices each building's meters; main meters (post-paid supply) pay the commercial rate. */
    private static final Map<String, String> GROUP_OF_BUILDING = Map.of("A", FLAT, "B", FLAT, "C", TIME_OF_USE,
            "D", STEPPED);

    private final TariffProvisioning tariffs;
    private final JdbcTemplate jdbc;
    private final DemoProperties properties;
    private final Clock clock;

    DemoTariffSeeder(TariffProvisioning tariffs, JdbcTemplate jdbc, DemoProperties properties, Clock clock) {
        this.tariffs = tariffs;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || tariffs.priced()) {
            return;
        }
        LocalDate since = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)).minusYears(1).withDayOfYear(1);
        Map<String, Long> groups = Map.of(
                FLAT, tariffs.group(FLAT, since, flat(), BY),
                TIME_OF_USE, tariffs.group(TIME_OF_USE, since, timeOfUse(), BY),
                STEPPED, tariffs.group(STEPPED, since, stepped(), BY));
        Map<String, List<Long>> members = new HashMap<>();
        // Water meters (Modbus) are not priced per kWh; every electricity meter is.
        jdbc.query("""
                SELECT m.id, b.code, m.parent_meter_id IS NULL AND m.billing_mode = 'POSTPAID' FROM meter m
                  JOIN building b ON b.id = m.building_id
                 WHERE m.protocol <> 'MODBUS_RTU' AND m.state <> 'REMOVED' ORDER BY m.id""", row -> {
            String group = row.getBoolean(3) ? TIME_OF_USE : GROUP_OF_BUILDING.get(row.getString(2));
            if (group != null) {
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(row.getLong(1));
            }
        });
        members.forEach((group, meterIds) -> tariffs.assign(groups.get(group), meterIds, BY));
        log.info("Priced the demo park from {}: {}", since,
                members.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size() + " meters").toList());
    }

    static TariffPlan.Flat flat() {
        return new TariffPlan.Flat(PricePerKwh.of("0.6170"));
    }

    static TariffPlan.TimeOfUse timeOfUse() {
        return new TariffPlan.TimeOfUse(List.of(
                period(PeriodKind.VALLEY, "22:00", "06:00", "0.3300"),
                period(PeriodKind.FLAT, "06:00", "08:00", "0.7000"),
                period(PeriodKind.PEAK, "08:00", "11:00", "1.0800"),
                period(PeriodKind.FLAT, "11:00", "18:00", "0.7000"),
                period(PeriodKind.PEAK, "18:00", "21:00", "1.0800"),
                period(PeriodKind.FLAT, "21:00", "22:00", "0.7000")), PricePerKwh.of("0.7000"));
    }

    static TariffPlan.Stepped stepped() {
        return new TariffPlan.Stepped(List.of(
                new TariffStep(Kwh.of("260"), PricePerKwh.of("0.6170")),
                new TariffStep(Kwh.of("400"), PricePerKwh.of("0.6670")),
                new TariffStep(null, PricePerKwh.of("0.9170"))));
    }

    private static TouPeriod period(PeriodKind kind, String start, String end, String price) {
        return new TouPeriod(kind, LocalTime.parse(start), LocalTime.parse(end), PricePerKwh.of(price));
    }
}
