package io.jichao.simulator;

import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.dlt645.RelayAction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A simulated DL/T 645 electricity meter (or one DHDSY household channel). Demand is sampled
 * once a simulated minute from the load profile; energy is integrated over simulated time between
 * events (minute samples, the meter's hour boundaries, trip and restore deadlines, the moment the
 * credit runs out). Every public method first catches up to the clock, under the meter's lock, so
 * the bus thread and a test thread always see one consistent meter.
 *
 * <p>Overload: a demand above the maximum power, or a jump between two minute samples larger
 * than the sudden-power threshold, trips the relay 2 s later (the standard asks for within 5 s);
 * it closes again after the restore delay (3 minutes by default). Jumps compare the household's
 * demand, not the metered power, so power coming back after a trip does not count as a jump. The
 * meter counts its trips and keeps a record of the last one (start, restore, maximum vs sudden
 * power), read through the DHDSY vendor items of the profile.
 */
public final class ElectricMeter implements BusDevice {

    static final Duration TRIP_DETECTION = Duration.ofSeconds(2);
    static final int DEFAULT_RESTORE_MINUTES = 3;
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;
    private static final int POWER_SCALE = 4;

    private final MeterConfig config;
    private final MeterAddress address;
    private final SimulationClock clock;
    private final ZoneId zone;
    private final LoadModel load;
    private final DeviceFaults faults = new DeviceFaults();
    private final EnergyRegisters energy;
    private final MeterHistory history = new MeterHistory();

    private Instant advancedTo;
    private double fractionalMicro;
    private long remainingMicro;
    private int purchaseCount;
    private long purchasedMicro;
    private BigDecimal maxPowerKw;
    private BigDecimal suddenPowerKw;
    private int restoreDelayMinutes = DEFAULT_RESTORE_MINUTES;
    private Duration clockDrift = Duration.ZERO;

    private double demandKw;
    private Double loadOverrideKw;
    private BigDecimal voltageOverride;
    private boolean remoteOpen;
    private boolean keepPower;
    private boolean alarm;
    private Instant tripDueAt;
    private Instant restoreDueAt;
    private boolean tripDueToSuddenPower;
    private int overloadTripCount;
    private OverloadTrip lastOverloadTrip;

    /**
     * The meter's record of its last overload trip (the DHDSY vendor event record): start and
     * restore by the meter's clock to the second, restore null while still tripped.
     */
    public record OverloadTrip(LocalDateTime start, LocalDateTime restore, boolean suddenPower) {
    }

    ElectricMeter(MeterConfig config, SimulationClock clock, ZoneId zone, long seed) {
        this.config = config;
        this.address = MeterAddress.of(config.address());
        this.clock = clock;
        this.zone = zone;
        this.load = new LoadModel(config.loadProfile(), config.baseLoadKw().doubleValue(),
                config.peakLoadKw().doubleValue(), config.loadNoise(), seed);
        this.energy = new EnergyRegisters(config.initialEnergyKwh());
        this.remainingMicro = config.prepaid() ? config.remainingKwh().movePointRight(6).longValue() : 0;
        this.maxPowerKw = config.maxPowerKw();
        this.suddenPowerKw = config.suddenPowerKw();
        this.advancedTo = clock.now();
        this.demandKw = sampleAt(advancedTo);
        checkOverload(demandKw, demandKw, advancedTo);
    }

    @Override
    public MeterAddress address() {
        return address;
    }

    @Override
    public DeviceFaults faults() {
        return faults;
    }

    public MeterConfig config() {
        return config;
    }

    public synchronized RelayState relayState() {
        catchUp();
        return relayStateNow();
    }

    /** Forces the household's demand (e.g. to provoke an overload) until {@link #clearLoadOverride()}. */
    public synchronized void overrideLoad(BigDecimal kw) {
        catchUp();
        double previous = demandKw;
        loadOverrideKw = kw.doubleValue();
        demandKw = loadOverrideKw;
        checkOverload(previous, demandKw, advancedTo);
    }

    public synchronized void clearLoadOverride() {
        catchUp();
        loadOverrideKw = null;
        demandKw = sampleAt(advancedTo);
    }

    /** The household's demand now, whether or not the relay lets it through. */
    public synchronized BigDecimal demandKw() {
        catchUp();
        return BigDecimal.valueOf(demandKw).setScale(POWER_SCALE, RoundingMode.HALF_UP);
    }

    public synchronized BigDecimal forwardTotalKwh() {
        catchUp();
        return energy.forwardKwh().getFirst();
    }

    /** Total and tariffs 1-4; reverse energy included (see {@link EnergyRegisters}). */
    public synchronized List<BigDecimal> forwardKwh() {
        catchUp();
        return energy.forwardKwh();
    }

    public synchronized List<BigDecimal> reverseKwh() {
        catchUp();
        return energy.reverseKwh();
    }

    public synchronized BigDecimal reactiveKvarh() {
        catchUp();
        return energy.reactiveKvarh();
    }

    /** Remaining prepaid energy, or {@code null} when the meter is not prepaid. */
    public synchronized BigDecimal remainingKwh() {
        catchUp();
        return config.prepaid() ? EnergyRegisters.register(remainingMicro) : null;
    }

    public synchronized int purchaseCount() {
        catchUp();
        return purchaseCount;
    }

    public synchronized BigDecimal cumulativePurchaseKwh() {
        catchUp();
        return EnergyRegisters.register(purchasedMicro);
    }

    public synchronized BigDecimal maxPowerKw() {
        return maxPowerKw;
    }

    public synchronized BigDecimal suddenPowerKw() {
        return suddenPowerKw;
    }

    public synchronized int restoreDelayMinutes() {
        return restoreDelayMinutes;
    }

    /** The meter's own clock: simulated time plus its drift, in the site's zone. */
    public synchronized LocalDateTime meterTime() {
        catchUp();
        return meterLocal(advancedTo);
    }

    public synchronized void setClockDrift(Duration drift) {
        catchUp();
        clockDrift = drift;
    }

    public synchronized Duration clockDrift() {
        return clockDrift;
    }

    public synchronized MeterReadings readings() {
        catchUp();
        MeterReadings readings = MeterReadingsCalculator.readings(load, advancedTo, meteredPowerKw(), config.phase());
        return voltageOverride == null ? readings : readings.withVoltage(voltageOverride);
    }

    /** Forces the voltage of every wired phase (e.g. to provoke an under- or over-voltage alarm); null ends it. */
    public synchronized void overrideVoltage(BigDecimal volts) {
        catchUp();
        voltageOverride = volts;
    }

    /** Hourly freezes, newest first (at most 48). */
    public synchronized List<FreezeRecord> hourlyFreezes() {
        catchUp();
        return history.hourly();
    }

    /** Daily freezes taken at the meter's midnight, newest first (at most 31). */
    public synchronized List<FreezeRecord> dailyFreezes() {
        catchUp();
        return history.daily();
    }

    /** Overload trip times by the meter's clock, to the minute, newest first (at most 10). */
    public synchronized List<LocalDateTime> overloadTrips() {
        catchUp();
        return history.trips();
    }

    public synchronized List<LocalDateTime> overloadRestores() {
        catchUp();
        return history.restores();
    }

    /** Every overload trip of the meter's life, maximum-power and sudden-power trips alike. */
    public synchronized int overloadTripCount() {
        catchUp();
        return overloadTripCount;
    }

    /** The last overload trip, or null when the meter never tripped. */
    public synchronized OverloadTrip lastOverloadTrip() {
        catchUp();
        return lastOverloadTrip;
    }

    /**
     * Run status word 1..7. Word 3: bit 4 relay open, bit 6 last relay command was a trip, bit 7
     * pre-trip alarm (commanded, or low credit below 10 kWh), bit 12 keep power. Other words read 0.
     */
    public synchronized int statusWord(int word) {
        catchUp();
        if (word != 3) {
            return 0;
        }
        int bits = 0;
        if (relayStateNow().open()) {
            bits |= 1 << 4;
        }
        if (remoteOpen) {
            bits |= 1 << 6;
        }
        if (alarm || config.prepaid() && remainingMicro < 10 * EnergyRegisters.MICRO_PER_KWH) {
            bits |= 1 << 7;
        }
        if (keepPower) {
            bits |= 1 << 12;
        }
        return bits;
    }

    /**
     * Adds purchased energy; false when the meter is not prepaid. Closes a relay opened for no credit.
     * Public for tests that need credit without the recharge write on the bus.
     */
    public synchronized boolean recharge(BigDecimal kwh) {
        catchUp();
        if (!config.prepaid()) {
            return false;
        }
        long micro = kwh.movePointRight(6).longValue();
        remainingMicro += micro;
        purchasedMicro += micro;
        purchaseCount++;
        checkOverload(demandKw, demandKw, advancedTo);
        return true;
    }

    synchronized void setMaxPowerKw(BigDecimal kw) {
        catchUp();
        maxPowerKw = kw;
        checkOverload(demandKw, demandKw, advancedTo);
    }

    synchronized void setSuddenPowerKw(BigDecimal kw) {
        catchUp();
        suddenPowerKw = kw;
    }

    synchronized void setRestoreDelayMinutes(int minutes) {
        catchUp();
        restoreDelayMinutes = minutes;
    }

    synchronized void setMeterTime(LocalDateTime meterTime) {
        catchUp();
        clockDrift = Duration.between(LocalDateTime.ofInstant(advancedTo, zone), meterTime);
    }

    synchronized void relayCommand(RelayAction action) {
        catchUp();
        switch (action) {
            case TRIP -> remoteOpen = true;
            // The simulated household presses the button at once, so "close allowed" closes too.
            case CLOSE_ALLOWED, DIRECT_CLOSE -> remoteOpen = false;
            case ALARM -> alarm = true;
            case ALARM_RELEASE -> alarm = false;
            case KEEP_POWER -> keepPower = true;
            case KEEP_POWER_RELEASE -> keepPower = false;
        }
        checkOverload(demandKw, demandKw, advancedTo);
    }

    /** Brings the meter up to the clock; every public method starts here. */
    synchronized void catchUp() {
        Instant target = clock.now();
        while (advancedTo.isBefore(target)) {
            Instant next = nextEvent(target);
            integrate(advancedTo, next);
            advancedTo = next;
            onReached(next);
        }
    }

    private Instant nextEvent(Instant target) {
        Instant next = earliest(target, nextMinute(advancedTo));
        next = earliest(next, nextMeterHour(advancedTo));
        next = earliest(next, tripDueAt);
        next = earliest(next, restoreDueAt);
        double power = meteredPowerKw();
        if (config.prepaid() && remainingMicro > 0 && power > 0) {
            double hours = (remainingMicro - fractionalMicro) / (power * EnergyRegisters.MICRO_PER_KWH);
            long nanos = Math.max(1, (long) Math.ceil(hours * NANOS_PER_HOUR));
            next = earliest(next, advancedTo.plusNanos(nanos));
        }
        return next;
    }

    private Instant earliest(Instant current, Instant candidate) {
        return candidate != null && candidate.isAfter(advancedTo) && candidate.isBefore(current) ? candidate : current;
    }

    private void integrate(Instant from, Instant to) {
        double power = meteredPowerKw();
        if (power <= 0) {
            return;
        }
        double hours = Duration.between(from, to).toNanos() / NANOS_PER_HOUR;
        double micro = power * hours * EnergyRegisters.MICRO_PER_KWH + fractionalMicro;
        long whole = (long) Math.floor(micro);
        fractionalMicro = micro - whole;
        if (config.prepaid()) {
            // The exhaustion event lands within rounding of zero; snap to it so the relay opens.
            whole = Math.min(whole, remainingMicro);
            remainingMicro = remainingMicro - whole <= 1 ? 0 : remainingMicro - whole;
        }
        double powerFactor = MeterReadingsCalculator.powerFactor(load, from, power);
        double reactivePerActive = Math.tan(Math.acos(powerFactor));
        energy.add(whole, config.reverseShare(), reactivePerActive, meterLocal(from).toLocalTime());
    }

    private void onReached(Instant now) {
        if (tripDueAt != null && !now.isBefore(tripDueAt)) {
            tripDueAt = null;
            if (!keepPower && relayStateNow() == RelayState.CLOSED) {
                restoreDueAt = now.plus(Duration.ofMinutes(restoreDelayMinutes));
                history.trip(meterLocal(now).truncatedTo(ChronoUnit.MINUTES));
                overloadTripCount++;
                lastOverloadTrip = new OverloadTrip(meterLocal(now).truncatedTo(ChronoUnit.SECONDS), null,
                        tripDueToSuddenPower);
            }
        }
        if (restoreDueAt != null && !now.isBefore(restoreDueAt)) {
            restoreDueAt = null;
            history.restore(meterLocal(now).truncatedTo(ChronoUnit.MINUTES));
            if (lastOverloadTrip != null && lastOverloadTrip.restore() == null) {
                lastOverloadTrip = new OverloadTrip(lastOverloadTrip.start(),
                        meterLocal(now).truncatedTo(ChronoUnit.SECONDS), lastOverloadTrip.suddenPower());
            }
            checkOverload(demandKw, demandKw, now);
        }
        LocalDateTime local = meterLocal(now);
        if (local.getMinute() == 0 && local.getSecond() == 0 && local.getNano() == 0) {
            FreezeRecord record = new FreezeRecord(local, energy.forwardKwh(), energy.reverseKwh());
            history.hourlyFreeze(record);
            if (local.getHour() == 0) {
                history.dailyFreeze(record);
            }
        }
        if (now.getNano() == 0 && now.getEpochSecond() % 60 == 0) {
            double previous = demandKw;
            demandKw = sampleAt(now);
            checkOverload(previous, demandKw, now);
        }
    }

    private double sampleAt(Instant time) {
        return loadOverrideKw != null ? loadOverrideKw : load.demandKw(time, meterLocal(time).toLocalTime());
    }

    /** Arms a trip when the relay is closed and the demand is too high or jumped too far. */
    private void checkOverload(double previousKw, double currentKw, Instant now) {
        if (keepPower || tripDueAt != null || relayStateNow() != RelayState.CLOSED) {
            return;
        }
        boolean overMaximum = maxPowerKw.signum() > 0 && currentKw > maxPowerKw.doubleValue();
        boolean suddenJump = suddenPowerKw.signum() > 0 && currentKw - previousKw > suddenPowerKw.doubleValue();
        if (overMaximum || suddenJump) {
            tripDueAt = now.plus(TRIP_DETECTION);
            tripDueToSuddenPower = !overMaximum;
        }
    }

    private RelayState relayStateNow() {
        if (remoteOpen) {
            return RelayState.OPEN_BY_COMMAND;
        }
        if (keepPower) {
            return RelayState.CLOSED;
        }
        if (restoreDueAt != null) {
            return RelayState.OPEN_FOR_OVERLOAD;
        }
        if (config.prepaid() && remainingMicro <= 0) {
            return RelayState.OPEN_NO_CREDIT;
        }
        return RelayState.CLOSED;
    }

    private double meteredPowerKw() {
        return relayStateNow().open() ? 0 : demandKw;
    }

    private LocalDateTime meterLocal(Instant instant) {
        return LocalDateTime.ofInstant(instant.plus(clockDrift), zone);
    }

    private static Instant nextMinute(Instant time) {
        return Instant.ofEpochSecond((Math.floorDiv(time.getEpochSecond(), 60) + 1) * 60);
    }

    private Instant nextMeterHour(Instant time) {
        LocalDateTime next = meterLocal(time).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return next.atZone(zone).toInstant().minus(clockDrift);
    }

}
