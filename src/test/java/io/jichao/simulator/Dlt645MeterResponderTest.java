package io.jichao.simulator;

import static io.jichao.protocol.dlt645.HexBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.jichao.protocol.dlt645.Authorization;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.DataValue.Quantity;
import io.jichao.protocol.dlt645.DataValue.QuantityBlock;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.Dlt645FrameParser;
import io.jichao.protocol.dlt645.Dlt645ParseResult;
import io.jichao.protocol.dlt645.Dlt645Response;
import io.jichao.protocol.dlt645.Dlt645Version;
import io.jichao.protocol.dlt645.MeasurementUnit;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.dlt645.MeterProfile;
import io.jichao.protocol.dlt645.RelayAction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The meters' DL/T 645 answers, byte for byte against the protocol reference's vectors. */
class Dlt645MeterResponderTest {

    private static final ZoneId ZONE = SimulatorConfig.DEFAULT_ZONE;
    private static final Instant START = LocalDateTime.of(2024, 5, 17, 9, 0).atZone(ZONE).toInstant();
    private static final MeterAddress ADDRESS = MeterAddress.of("123456789012");
    private static final Authorization WRONG_PASSWORD = new Authorization(0x02, "123456", "00000000");

    private final SimulationClock.Manual clock = SimulationClock.manual(START);

    /** A meter without load, so its registers hold still. */
    private ElectricMeter idleMeter(String address, String energy) {
        return new ElectricMeter(MeterConfig.of(address).withLoad(LoadProfile.FLAT, "0", "0", 0)
                .withInitialEnergyKwh(new BigDecimal(energy)), clock, ZONE, 1);
    }

    private static Dlt645Frame frame(String wire) {
        return ((Dlt645ParseResult.Decoded) Dlt645FrameParser.parse(hex(wire))).frame();
    }

    private static Optional<String> answer(Dlt645BusResponder bus, String requestWire) {
        return answer(bus, frame(requestWire));
    }

    private static Optional<String> answer(Dlt645BusResponder bus, Dlt645Frame request) {
        return bus.respond(request).map(reply -> hex(((Dlt645Frame) reply.answer()).encode(false)));
    }

    private Dlt645BusResponder bus2007(ElectricMeter... meters) {
        return new Dlt645BusResponder(List.of(meters), Dlt645Version.V2007);
    }

    @Test
    void answers_a_forward_energy_read_exactly_like_vector_v2() {
        Dlt645BusResponder bus = bus2007(idleMeter("123456789012", "56789.01"));

        assertThat(answer(bus, "68 12 90 78 56 34 12 68 11 04 33 33 34 33 68 16"))
                .hasValue("68 12 90 78 56 34 12 68 91 08 33 33 34 33 34 BC 9A 38 AE 16");
    }

    @Test
    void answers_a_1997_read_exactly_like_vector_v5() {
        Dlt645BusResponder bus = new Dlt645BusResponder(List.of(idleMeter("112233445566", "1234.56")),
                Dlt645Version.V1997);

        assertThat(answer(bus, "68 66 55 44 33 22 11 68 01 02 43 C3 3E 16"))
                .hasValue("68 66 55 44 33 22 11 68 81 06 43 C3 89 67 45 33 2A 16");
    }

    @Test
    void unknown_identifier_gets_no_requested_data_like_vector_v6() {
        Dlt645BusResponder bus = bus2007(idleMeter("123456789012", "0"));

        assertThat(answer(bus, Dlt645Commands.read(ADDRESS, DataItem2007.REMAINING_MONEY)))
                .hasValue("68 12 90 78 56 34 12 68 D1 01 35 8D 16");
    }

    @Test
    void wildcard_read_address_is_answered_only_by_a_lone_meter_like_vector_v8() {
        String request = "FE FE FE FE 68 AA AA AA AA AA AA 68 13 00 DF 16";
        assertThat(answer(bus2007(idleMeter("123456789012", "0")), request))
                .hasValue("68 12 90 78 56 34 12 68 93 06 45 C3 AB 89 67 45 07 16");
        assertThat(answer(bus2007(idleMeter("123456789012", "0"), idleMeter("000000000001", "0")), request))
                .isEmpty();
    }

    @Test
    void only_the_addressed_meter_answers_and_an_unknown_address_is_silent() {
        Dlt645BusResponder bus = bus2007(idleMeter("000000000001", "1234.56"), idleMeter("123456789012", "0"));

        assertThat(answer(bus, "68 01 00 00 00 00 00 68 11 04 33 33 34 33 B3 16"))
                .hasValue("68 01 00 00 00 00 00 68 91 08 33 33 34 33 89 67 45 33 9F 16");
        assertThat(answer(bus, Dlt645Commands.read(MeterAddress.of("999999999998"),
                DataItem2007.FORWARD_ACTIVE_TOTAL))).isEmpty();
    }

    @Test
    void broadcast_time_sets_every_meter_clock_and_nobody_answers_like_vector_v7() {
        ElectricMeter first = idleMeter("000000000001", "0");
        ElectricMeter second = idleMeter("123456789012", "0");

        Optional<String> answer = answer(bus2007(first, second),
                "68 99 99 99 99 99 99 68 08 06 63 78 46 4A 38 57 6E 16");

        assertThat(answer).isEmpty();
        assertThat(first.meterTime()).isEqualTo(LocalDateTime.of(2024, 5, 17, 13, 45, 30));
        assertThat(second.meterTime()).isEqualTo(LocalDateTime.of(2024, 5, 17, 13, 45, 30));
        assertThat(first.clockDrift()).isEqualTo(Duration.ofMinutes(285).plusSeconds(30));
    }

    @Test
    void relay_trip_is_honoured_and_a_wrong_password_refused_like_vector_v11() {
        ElectricMeter meter = idleMeter("123456789012", "0");
        Dlt645BusResponder bus = bus2007(meter);
        String trip = "68 12 90 78 56 34 12 68 1C 10 35 33 33 33 33 33 33 33 4D 33 33 33 47 4A 38 57 52 16";

        Dlt645Frame wrongPassword = Dlt645Commands.relayControl(ADDRESS, WRONG_PASSWORD, RelayAction.TRIP,
                LocalDateTime.of(2024, 5, 17, 14, 0));
        assertThat(answer(bus, wrongPassword)).hasValue("68 12 90 78 56 34 12 68 DC 01 37 9A 16");
        assertThat(meter.relayState()).isEqualTo(RelayState.CLOSED);

        assertThat(answer(bus, trip)).hasValue("68 12 90 78 56 34 12 68 9C 00 22 16");
        assertThat(meter.relayState()).isEqualTo(RelayState.OPEN_BY_COMMAND);

        answer(bus, Dlt645Commands.relayControl(ADDRESS, Authorization.FACTORY_DEFAULT, RelayAction.DIRECT_CLOSE,
                LocalDateTime.of(2024, 5, 17, 14, 0)));
        assertThat(meter.relayState()).isEqualTo(RelayState.CLOSED);
    }

    @Test
    void an_expired_relay_command_is_refused() {
        ElectricMeter meter = idleMeter("123456789012", "0");

        Optional<String> answer = answer(bus2007(meter), Dlt645Commands.relayControl(ADDRESS,
                Authorization.FACTORY_DEFAULT, RelayAction.TRIP, LocalDateTime.of(2024, 5, 17, 8, 0)));

        assertThat(answer).hasValue("68 12 90 78 56 34 12 68 DC 01 34 97 16");
        assertThat(meter.relayState()).isEqualTo(RelayState.CLOSED);
    }

    @Test
    void status_word_3_reports_an_overload_trip_like_vector_v13() {
        ElectricMeter meter = new ElectricMeter(MeterConfig.of("123456789012").withLoad(LoadProfile.FLAT, "40", "40", 0),
                clock, ZONE, 1);
        clock.advance(Duration.ofSeconds(5));

        assertThat(answer(bus2007(meter), "68 12 90 78 56 34 12 68 11 04 36 38 33 37 73 16"))
                .hasValue("68 12 90 78 56 34 12 68 91 06 36 38 33 37 43 33 6B 16");
    }

    @Test
    void date_reads_like_vector_v14() {
        assertThat(answer(bus2007(idleMeter("123456789012", "0")), "68 12 90 78 56 34 12 68 11 04 34 34 33 37 6D 16"))
                .hasValue("68 12 90 78 56 34 12 68 91 08 34 34 33 37 38 4A 38 57 02 16");
    }

    @Test
    void recharge_write_adds_credit_and_reads_back_while_a_wrong_password_changes_nothing() {
        ElectricMeter meter = new ElectricMeter(MeterConfig.of("123456789012").withLoad(LoadProfile.FLAT, "0", "0", 0)
                .withRemainingKwh(BigDecimal.ZERO), clock, ZONE, 1);
        Dlt645BusResponder bus = bus2007(meter);
        Quantity fifty = new Quantity(new BigDecimal("50.00"), MeasurementUnit.KILOWATT_HOUR);

        Dlt645Response refused = response(bus, Dlt645Commands.write(ADDRESS, MeterProfile.DHDSY_RECHARGE_ENERGY,
                WRONG_PASSWORD, fifty));
        assertThat(refused).isInstanceOfSatisfying(Dlt645Response.ErrorAnswer.class,
                error -> assertThat(error.error().unauthorised()).isTrue());
        assertThat(meter.remainingKwh()).isEqualByComparingTo("0");

        Dlt645Response accepted = response(bus, Dlt645Commands.write(ADDRESS, MeterProfile.DHDSY_RECHARGE_ENERGY,
                Authorization.FACTORY_DEFAULT, fifty));
        assertThat(accepted).isInstanceOf(Dlt645Response.Acknowledgement.class);
        assertThat(accepted.control().value()).isEqualTo(0x94);

        Dlt645Response.ReadAnswer remaining = (Dlt645Response.ReadAnswer) response(bus,
                Dlt645Commands.read(ADDRESS, DataItem2007.REMAINING_ENERGY));
        assertThat(remaining.decode(DataItem2007.REMAINING_ENERGY))
                .isEqualTo(new Quantity(new BigDecimal("50.00"), MeasurementUnit.KILOWATT_HOUR));
        Dlt645Response.ReadAnswer count = (Dlt645Response.ReadAnswer) response(bus,
                Dlt645Commands.read(ADDRESS, DataItem2007.PURCHASE_COUNT));
        assertThat(count.decode(DataItem2007.PURCHASE_COUNT))
                .isEqualTo(new Quantity(BigDecimal.ONE, MeasurementUnit.NONE));
        assertThat(meter.relayState()).isEqualTo(RelayState.CLOSED);
    }

    @Test
    void overload_parameters_written_read_back_and_trip_records_are_readable() {
        ElectricMeter meter = idleMeter("123456789012", "0");
        Dlt645BusResponder bus = bus2007(meter);
        MeterProfile profile = MeterProfile.dhdsyDefault();

        response(bus, Dlt645Commands.write(ADDRESS, profile.maximumPower().item(), Authorization.FACTORY_DEFAULT,
                new Quantity(new BigDecimal("12.5000"), MeasurementUnit.KILOWATT)));
        response(bus, Dlt645Commands.write(ADDRESS, profile.suddenPowerThreshold().item(),
                Authorization.FACTORY_DEFAULT, new Quantity(new BigDecimal("4.0000"), MeasurementUnit.KILOWATT)));

        assertThat(read(bus, profile.maximumPower().item().identifier()))
                .isEqualTo(new Quantity(new BigDecimal("12.5000"), MeasurementUnit.KILOWATT));
        assertThat(read(bus, profile.suddenPowerThreshold().item().identifier()))
                .isEqualTo(new Quantity(new BigDecimal("4.0000"), MeasurementUnit.KILOWATT));
        assertThat(meter.maxPowerKw()).isEqualByComparingTo("12.5");

        meter.overrideLoad(new BigDecimal("13"));
        clock.advance(Duration.ofMinutes(4));
        // The load is still too high after the restore, so the newest trip is the second one.
        assertThat(read(bus, profile.overloadTripRecord().item().identifier(1)))
                .isEqualTo(new io.jichao.protocol.dlt645.DataValue.Timestamp(LocalDateTime.of(2024, 5, 17, 9, 3)));
        assertThat(read(bus, profile.overloadTripRecord().item().identifier(2)))
                .isEqualTo(new io.jichao.protocol.dlt645.DataValue.Timestamp(LocalDateTime.of(2024, 5, 17, 9, 0)));
        assertThat(read(bus, profile.overloadRestoreRecord().item().identifier(1)))
                .isEqualTo(new io.jichao.protocol.dlt645.DataValue.Timestamp(LocalDateTime.of(2024, 5, 17, 9, 3)));
        assertThat(response(bus, Dlt645Commands.read(ADDRESS, profile.overloadTripRecord().item().identifier(5))))
                .isInstanceOf(Dlt645Response.ErrorAnswer.class);
    }

    @Test
    void the_overload_trip_count_and_the_last_trip_record_are_readable_by_the_vendor_items() {
        ElectricMeter meter = idleMeter("123456789012", "0");
        Dlt645BusResponder bus = bus2007(meter);
        MeterProfile profile = MeterProfile.dhdsyDefault();
        assertThat(read(bus, profile.overloadTripCount().identifier()))
                .isEqualTo(new Quantity(BigDecimal.ZERO, MeasurementUnit.NONE));
        assertThat(response(bus, Dlt645Commands.read(ADDRESS, profile.lastOverloadTrip().identifier())))
                .as("no trip yet").isInstanceOf(Dlt645Response.ErrorAnswer.class);

        meter.setMaxPowerKw(new BigDecimal("5"));
        meter.overrideLoad(new BigDecimal("6"));
        clock.advance(Duration.ofSeconds(3));
        assertThat(read(bus, profile.lastOverloadTrip().identifier())).isEqualTo(new QuantityBlock(
                List.of(new BigDecimal("240517090002"), BigDecimal.ZERO,
                        BigDecimal.valueOf(MeterProfile.TRIP_CAUSE_MAXIMUM_POWER)), MeasurementUnit.NONE));

        meter.clearLoadOverride();
        clock.advance(Duration.ofMinutes(3));
        assertThat(read(bus, profile.overloadTripCount().identifier()))
                .isEqualTo(new Quantity(BigDecimal.ONE, MeasurementUnit.NONE));
        assertThat(read(bus, profile.lastOverloadTrip().identifier())).isEqualTo(new QuantityBlock(
                List.of(new BigDecimal("240517090002"), new BigDecimal("240517090302"),
                        BigDecimal.valueOf(MeterProfile.TRIP_CAUSE_MAXIMUM_POWER)), MeasurementUnit.NONE));
    }

    @Test
    void every_catalog_item_of_a_prepaid_2007_meter_is_answered_except_money() {
        ElectricMeter meter = new ElectricMeter(MeterConfig.of("123456789012").withRemainingKwh(BigDecimal.TEN),
                clock, ZONE, 1);
        clock.advance(Duration.ofHours(25));
        Dlt645BusResponder bus = bus2007(meter);
        for (DataItem2007 item : DataItem2007.values()) {
            Dlt645Response response = response(bus, Dlt645Commands.read(ADDRESS, item));
            boolean unsupported = item.name().contains("MONEY") || item == DataItem2007.REVERSE_ACTIVE_POWER_UPPER_LIMIT;
            if (unsupported) {
                assertThat(response).as(item.name()).isInstanceOf(Dlt645Response.ErrorAnswer.class);
            } else {
                assertThat(response).as(item.name()).isInstanceOfSatisfying(Dlt645Response.ReadAnswer.class,
                        read -> assertThat(read.decode(item)).isNotNull());
            }
        }
    }

    @Test
    void answers_start_with_zero_to_four_wake_up_bytes() {
        Dlt645BusResponder bus = bus2007(idleMeter("123456789012", "0"));
        Object answer = bus.respond(frame("68 12 90 78 56 34 12 68 11 04 33 33 34 33 68 16")).orElseThrow().answer();
        SplittableRandom random = new SplittableRandom(3);
        java.util.Set<Integer> preambles = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            byte[] wire = bus.encode(answer, random);
            int preamble = wire.length - ((Dlt645Frame) answer).encodedLength(false);
            preambles.add(preamble);
            assertThat(Dlt645FrameParser.parse(wire)).isInstanceOf(Dlt645ParseResult.Decoded.class);
        }
        assertThat(preambles).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    private static Dlt645Response response(Dlt645BusResponder bus, Dlt645Frame request) {
        return Dlt645Response.of((Dlt645Frame) bus.respond(request).orElseThrow().answer());
    }

    private static io.jichao.protocol.dlt645.DataValue read(Dlt645BusResponder bus,
            io.jichao.protocol.dlt645.DataIdentifier identifier) {
        Dlt645Response.ReadAnswer answer = (Dlt645Response.ReadAnswer) response(bus,
                Dlt645Commands.read(ADDRESS, identifier));
        return io.jichao.protocol.dlt645.DataItem.find(identifier)
                .map(answer::decode)
                .orElseGet(() -> answer.decode(customFormat(identifier)));
    }

    private static io.jichao.protocol.dlt645.ValueFormat customFormat(io.jichao.protocol.dlt645.DataIdentifier id) {
        MeterProfile profile = MeterProfile.dhdsyDefault();
        for (var item : List.of(profile.overloadTripCount(), profile.lastOverloadTrip())) {
            if (item.identifier().equals(id)) {
                return item.format();
            }
        }
        for (var item : List.of(profile.suddenPowerThreshold(), profile.overloadRestoreDelay(),
                profile.overloadTripRecord(), profile.overloadRestoreRecord())) {
            if ((item.identifier().value() & 0xFFFFFF00) == (id.value() & 0xFFFFFF00)) {
                return item.format();
            }
        }
        throw new IllegalArgumentException("no format for " + id);
    }
}
