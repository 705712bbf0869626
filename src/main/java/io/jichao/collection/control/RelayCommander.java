package io.jichao.collection.control;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.jichao.collection.CollectionEngine.MeterRoute;
import io.jichao.collection.link.BusRequest;
import io.jichao.collection.link.ExchangeOutcome;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.collection.control.RelayOutcome.Verdict;
import io.jichao.protocol.dlt645.Authorization;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.DataValue;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.dlt645.MeterProfile;
import io.jichao.protocol.dlt645.StatusBit;
import io.jichao.protocol.dlt645.StatusWord;

/**
 * The bus side of a relay command for one meter: send it (C = 1C), wait {@code settle}, read
 * status word 3 (04000503) back, and send it again while the meter is not where it was asked to
 * be, at most {@code retries} more times. Blocking; callers are request or job threads.
 *
 * <p>What counts as done: TRIP bit 4 set; CLOSE bit 4 clear; KEEP_POWER bit 12 set and bit 4
 * clear; KEEP_POWER_RELEASE bit 12 clear and the relay open exactly when the meter's remaining
 * energy (read back too) is zero or less, since a meter without credit trips once released.
 */
final class RelayCommander {

    private final MeterProfile profile;
    private final Authorization authorization;
    private final ControlProperties.Relay settings;
    private final Clock clock;
    private final ZoneId meterZone;

    RelayCommander(MeterProfile profile, ControlProperties properties, Clock clock, ZoneId meterZone) {
        this.profile = profile;
        this.authorization = properties.authorization();
        this.settings = properties.relay();
        this.clock = clock;
        this.meterZone = meterZone;
    }

    /** Relay state as status word 3 shows it, plus the remaining energy where it matters. */
    private record State(boolean open, boolean keepPower, BigDecimal remaining) {
        @Override
        public String toString() {
            return "relay " + (open ? "open" : "closed") + ", keep power " + (keepPower ? "on" : "off")
                    + (remaining == null ? "" : ", remaining " + remaining.toPlainString() + " kWh");
        }
    }

    RelayOutcome execute(PortLink link, MeterRoute route, RelayCommand command, Priority priority) {
        MeterAddress address = MeterAddress.of(route.meter().wireAddress());
        List<String> steps = new ArrayList<>();
        State last = null;
        boolean expectedOpen = command == RelayCommand.TRIP;
        int attempts = 0;
        for (int attempt = 1; attempt <= 1 + Math.max(0, settings.retries()); attempt++) {
            attempts = attempt;
            LocalDateTime validUntil = LocalDateTime.ofInstant(clock.instant(), meterZone).plus(settings.validity());
            String sent = describe(MeterValues.await(link.exchange(BusRequest.of(
                    Dlt645Commands.relayControl(address, authorization, command.action(), validUntil)), priority)));
            if (!pause()) {
                steps.add("attempt " + attempt + ": " + sent + ", stopped before the read-back");
                break;
            }
            Object read = state(link, address, command, priority);
            if (read instanceof State state) {
                last = state;
                if (command == RelayCommand.KEEP_POWER_RELEASE) {
                    expectedOpen = state.remaining() != null && state.remaining().signum() <= 0;
                }
                steps.add("attempt " + attempt + ": " + sent + ", read-back " + state);
                if (done(command, state, expectedOpen)) {
                    return new RelayOutcome(command, expectedOpen, state.open(), state.keepPower(), attempt,
                            Verdict.VERIFIED, String.join("; ", steps));
                }
            } else {
                last = null;
                steps.add("attempt " + attempt + ": " + sent + ", read-back failed (" + read + ")");
            }
        }
        return new RelayOutcome(command, expectedOpen, last == null ? null : last.open(),
                last == null ? null : last.keepPower(), attempts, last == null ? Verdict.UNREACHABLE : Verdict.MISMATCH,
                String.join("; ", steps));
    }

    private static boolean done(RelayCommand command, State state, boolean expectedOpen) {
        return switch (command) {
            case TRIP -> state.open();
            case CLOSE -> !state.open();
            case KEEP_POWER -> state.keepPower() && !state.open();
            case KEEP_POWER_RELEASE -> !state.keepPower() && state.open() == expectedOpen;
        };
    }

    /** The state, or a String saying why it could not be read. */
    private Object state(PortLink link, MeterAddress address, RelayCommand command, Priority priority) {
        Object word = MeterValues.read(link, address, DataItem2007.RUN_STATUS_WORD_3, priority);
        if (!(word instanceof StatusWord status)) {
            return word instanceof DataValue ? "unexpected answer" : word;
        }
        BigDecimal remaining = null;
        if (command == RelayCommand.KEEP_POWER_RELEASE
                && MeterValues.read(link, address, profile.remainingEnergy().item(), priority)
                        instanceof DataValue.Quantity quantity) {
            remaining = quantity.value();
        }
        return new State(status.isSet(StatusBit.RELAY_OPEN), status.isSet(StatusBit.KEEP_POWER), remaining);
    }

    private static String describe(ExchangeOutcome outcome) {
        return switch (outcome) {
            case ExchangeOutcome.Answered answered -> "acknowledged";
            case ExchangeOutcome.Refused refused -> "refused (" + refused.error() + ")";
            case ExchangeOutcome.TimedOut timedOut -> "not answered";
            case ExchangeOutcome.LinkDown down -> "link down (" + down.reason() + ")";
            case ExchangeOutcome other -> other.toString();
        };
    }

    private boolean pause() {
        try {
            Thread.sleep(settings.settle());
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
