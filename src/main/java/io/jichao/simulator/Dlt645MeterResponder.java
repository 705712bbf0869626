package io.jichao.simulator;

import io.jichao.protocol.dlt645.DataIdentifier;
import io.jichao.protocol.dlt645.DataItem1997;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.DataValue;
import io.jichao.protocol.dlt645.DataValue.DateWithWeekday;
import io.jichao.protocol.dlt645.DataValue.TimeOfDay;
import io.jichao.protocol.dlt645.DataValue.Timestamp;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.Dlt645Function;
import io.jichao.protocol.dlt645.Dlt645Version;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.dlt645.MeterProfile;
import io.jichao.protocol.dlt645.ProfileItem;
import io.jichao.protocol.dlt645.RelayAction;
import io.jichao.protocol.dlt645.ValueFormat;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * One meter's side of DL/T 645: reads, writes (password checked), read address, relay control
 * and broadcast time. Writes and relay commands need the meter's password at level 02 or a more
 * privileged (lower) level; the default password is {@code 000000}, so
 * {@code Authorization.FACTORY_DEFAULT} works. Anything else gets an abnormal answer: error bit 1
 * "no requested data" for an unknown identifier, bit 2 "unauthorised" for a wrong password, bit 0
 * "other" for everything else (unsupported function, malformed data, expired relay command).
 */
final class Dlt645MeterResponder {

    static final int ERROR_OTHER = 0x01;
    static final int ERROR_NO_REQUESTED_DATA = 0x02;
    static final int ERROR_UNAUTHORISED = 0x04;
    private static final ValueFormat TO_SECOND = new ValueFormat.DateTimeToSecondFormat();
    private static final int RELAY_DATA_LENGTH = 16;

    private final ElectricMeter meter;
    private final Dlt645Version version;
    private final MeterProfile profile;

    Dlt645MeterResponder(ElectricMeter meter, Dlt645Version version, MeterProfile profile) {
        this.meter = meter;
        this.version = version;
        this.profile = profile;
    }

    MeterAddress address() {
        return meter.address();
    }

    ElectricMeter meter() {
        return meter;
    }

    /** The answer to a request addressed to this meter; empty when the meter stays silent. */
    Optional<Dlt645Frame> answer(Dlt645Frame request) {
        Optional<Dlt645Function> function = version.function(request.control().functionCode());
        if (function.isEmpty()) {
            return Optional.of(error(request, ERROR_OTHER));
        }
        try {
            return switch (function.get()) {
                case READ -> Optional.of(read(request));
                case WRITE -> Optional.of(write(request));
                case READ_ADDRESS -> Optional.of(Dlt645Frame.of(meter.address(),
                        request.control().normalAnswer().value(), meter.address().toWire()));
                case RELAY_CONTROL -> Optional.of(relay(request));
                case BROADCAST_TIME -> {
                    hearBroadcast(request);
                    yield Optional.empty();
                }
                default -> Optional.of(error(request, ERROR_OTHER));
            };
        } catch (RuntimeException malformed) {
            // A value that is not BCD, a date that does not exist, a frame too short for its command.
            return Optional.of(error(request, ERROR_OTHER));
        }
    }

    /** Broadcast time (C = 08) sets the clock; other broadcasts are ignored. Never answers. */
    void hearBroadcast(Dlt645Frame request) {
        if (request.control().functionCode() == version.functionCode(Dlt645Function.BROADCAST_TIME)
                && request.dataLength() == TO_SECOND.byteLength()) {
            try {
                meter.setMeterTime(((Timestamp) TO_SECOND.decode(request.data())).dateTime());
            } catch (RuntimeException malformed) {
                // A meter ignores a broadcast it cannot parse; there is nobody to tell.
            }
        }
    }

    private Dlt645Frame read(Dlt645Frame request) {
        int idLength = version.identifierLength();
        if (request.dataLength() < idLength) {
            return error(request, ERROR_OTHER);
        }
        DataIdentifier identifier = DataIdentifier.fromWire(version, request.data(), 0);
        meter.faults().countRead();
        Optional<byte[]> value = meter.faults().refuses(identifier) ? Optional.empty()
                : Dlt645ReadValues.read(meter, profile, identifier);
        if (value.isEmpty()) {
            return error(request, ERROR_NO_REQUESTED_DATA);
        }
        byte[] data = new byte[idLength + value.get().length];
        identifier.writeWire(data, 0);
        System.arraycopy(value.get(), 0, data, idLength, value.get().length);
        return Dlt645Frame.of(meter.address(), request.control().normalAnswer().value(), data);
    }

    private Dlt645Frame write(Dlt645Frame request) {
        int idLength = version.identifierLength();
        int authLength = version == Dlt645Version.V2007 ? 8 : 4;
        if (request.dataLength() < idLength + authLength) {
            return error(request, ERROR_OTHER);
        }
        byte[] data = request.data();
        DataIdentifier identifier = DataIdentifier.fromWire(version, data, 0);
        byte[] value = Arrays.copyOfRange(data, idLength + authLength, data.length);
        if (!authorised(data, idLength, requiredLevel(identifier))) {
            return error(request, ERROR_UNAUTHORISED);
        }
        if (!applyWrite(identifier, value)) {
            return error(request, ERROR_NO_REQUESTED_DATA);
        }
        return Dlt645Frame.of(meter.address(), request.control().normalAnswer().value());
    }

    private boolean applyWrite(DataIdentifier identifier, byte[] value) {
        if (identifier.equals(profile.recharge().identifier())) {
            return meter.recharge(decimal(profile.recharge(), value));
        }
        if (identifier.equals(profile.maximumPower().identifier())) {
            meter.setMaxPowerKw(decimal(profile.maximumPower(), value));
            return true;
        }
        if (identifier.equals(profile.suddenPowerThreshold().identifier())) {
            meter.setSuddenPowerKw(decimal(profile.suddenPowerThreshold(), value));
            return true;
        }
        if (identifier.equals(profile.overloadRestoreDelay().identifier())) {
            meter.setRestoreDelayMinutes(decimal(profile.overloadRestoreDelay(), value).intValueExact());
            return true;
        }
        LocalDateTime now = meter.meterTime();
        if (identifier.equals(DataItem2007.DATE.identifier()) || identifier.equals(DataItem1997.DATE.identifier())) {
            DataValue date = new ValueFormat.DateWithWeekdayFormat().decode(value);
            meter.setMeterTime(((DateWithWeekday) date).date().atTime(now.toLocalTime()));
            return true;
        }
        if (identifier.equals(DataItem2007.TIME.identifier()) || identifier.equals(DataItem1997.TIME.identifier())) {
            DataValue time = new ValueFormat.TimeFormat().decode(value);
            meter.setMeterTime(now.toLocalDate().atTime(((TimeOfDay) time).time()));
            return true;
        }
        return false;
    }

    private Dlt645Frame relay(Dlt645Frame request) {
        if (request.dataLength() != RELAY_DATA_LENGTH) {
            return error(request, ERROR_OTHER);
        }
        byte[] data = request.data();
        if (!authorised(data, 0, MeterProfile.DEFAULT_WRITE_LEVEL)) {
            return error(request, ERROR_UNAUTHORISED);
        }
        Optional<RelayAction> action = Arrays.stream(RelayAction.values())
                .filter(candidate -> candidate.code() == (data[8] & 0xFF)).findFirst();
        LocalDateTime validUntil = ((Timestamp) TO_SECOND.decode(data, 10, 6)).dateTime();
        if (action.isEmpty() || validUntil.isBefore(meter.meterTime())) {
            return error(request, ERROR_OTHER);
        }
        if (!meter.faults().relayStuck()) {
            meter.relayCommand(action.get());
        }
        return Dlt645Frame.of(meter.address(), request.control().normalAnswer().value());
    }

    /** PA at {@code offset}, then P0 P1 P2 least significant first. Lower levels are more privileged. */
    private boolean authorised(byte[] data, int offset, int requiredLevel) {
        int level = data[offset] & 0xFF;
        String password = String.format("%02X%02X%02X", data[offset + 3], data[offset + 2], data[offset + 1]);
        return level <= requiredLevel && password.equalsIgnoreCase(meter.config().password());
    }

    private int requiredLevel(DataIdentifier identifier) {
        for (ProfileItem item : new ProfileItem[] {profile.recharge(), profile.maximumPower(),
            profile.suddenPowerThreshold(), profile.overloadRestoreDelay()}) {
            if (item.identifier().equals(identifier)) {
                return item.passwordLevel();
            }
        }
        return MeterProfile.DEFAULT_WRITE_LEVEL;
    }

    private static BigDecimal decimal(ProfileItem item, byte[] value) {
        return ((DataValue.Quantity) item.item().decode(value)).value();
    }

    private Dlt645Frame error(Dlt645Frame request, int code) {
        return Dlt645Frame.of(meter.address(), request.control().abnormalAnswer().value(), (byte) code);
    }
}
