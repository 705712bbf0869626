package io.jichao.simulator;

import io.jichao.protocol.dlt645.MeterAddress;
import java.math.BigDecimal;

/**
 * One simulated meter. For MODBUS_RTU water meters the load fields are read as flow in m³/h and
 * {@code initialEnergyKwh} as the initial volume in m³; the prepaid and overload fields are unused.
 *
 * @param address          12 digits; for Modbus the unit id 1..247 as 12 digits ({@code 000000000005})
 * @param phase            single-phase meters carry the whole load on phase A
 * @param loadProfile      demand over the day between {@code baseLoadKw} and {@code peakLoadKw}
 * @param loadNoise        relative standard deviation of the per-minute demand noise (0 = none)
 * @param initialEnergyKwh forward active energy when the simulation starts
 * @param remainingKwh     prepaid credit at start; {@code null} for a meter that is not prepaid
 * @param maxPowerKw       overload threshold (0 = off): above it the relay trips within 5 s
 * @param suddenPowerKw    demand jump between two one-minute samples that trips like an overload (0 = off)
 * @param reverseShare     share of the energy that flows in reverse (a wrongly wired load), 0..1
 * @param password         the 6-digit write password, accepted at level 02 or a more privileged level
 */
public record MeterConfig(
        String address,
        MeterPhase phase,
        LoadProfile loadProfile,
        BigDecimal baseLoadKw,
        BigDecimal peakLoadKw,
        double loadNoise,
        BigDecimal initialEnergyKwh,
        BigDecimal remainingKwh,
        BigDecimal maxPowerKw,
        BigDecimal suddenPowerKw,
        double reverseShare,
        String password) {

    public static final String DEFAULT_PASSWORD = "000000";

    public MeterConfig {
        MeterAddress.of(address);
        if (phase == null || loadProfile == null) {
            throw new IllegalArgumentException("meter " + address + ": phase and load profile are required");
        }
        requireNonNegative(address, "baseLoadKw", baseLoadKw);
        requireNonNegative(address, "peakLoadKw", peakLoadKw);
        requireNonNegative(address, "initialEnergyKwh", initialEnergyKwh);
        requireNonNegative(address, "maxPowerKw", maxPowerKw);
        requireNonNegative(address, "suddenPowerKw", suddenPowerKw);
        if (remainingKwh != null && remainingKwh.signum() < 0) {
            throw new IllegalArgumentException("meter " + address + ": remainingKwh must not be negative");
        }
        if (peakLoadKw.compareTo(baseLoadKw) < 0) {
            throw new IllegalArgumentException("meter " + address + ": peakLoadKw is below baseLoadKw");
        }
        if (loadNoise < 0 || loadNoise > 1 || reverseShare < 0 || reverseShare > 1) {
            throw new IllegalArgumentException("meter " + address + ": loadNoise and reverseShare must be 0..1");
        }
        if (password == null || !password.matches("[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("meter " + address + ": password must have 6 hex digits");
        }
    }

    /** A three-phase office meter, not prepaid, 0.5..5 kW, overload at 30 kW, sudden-power check off. */
    public static MeterConfig of(String address) {
        return new MeterConfig(address, MeterPhase.THREE, LoadProfile.OFFICE, new BigDecimal("0.5"),
                new BigDecimal("5"), 0.05, BigDecimal.ZERO, null, new BigDecimal("30"), BigDecimal.ZERO, 0,
                DEFAULT_PASSWORD);
    }

    public boolean prepaid() {
        return remainingKwh != null;
    }

    public MeterConfig withPhase(MeterPhase newPhase) {
        return new MeterConfig(address, newPhase, loadProfile, baseLoadKw, peakLoadKw, loadNoise, initialEnergyKwh,
                remainingKwh, maxPowerKw, suddenPowerKw, reverseShare, password);
    }

    public MeterConfig withLoad(LoadProfile profile, String baseKw, String peakKw, double noise) {
        return new MeterConfig(address, phase, profile, new BigDecimal(baseKw), new BigDecimal(peakKw), noise,
                initialEnergyKwh, remainingKwh, maxPowerKw, suddenPowerKw, reverseShare, password);
    }

    public MeterConfig withInitialEnergyKwh(BigDecimal kwh) {
        return new MeterConfig(address, phase, loadProfile, baseLoadKw, peakLoadKw, loadNoise, kwh,
                remainingKwh, maxPowerKw, suddenPowerKw, reverseShare, password);
    }

    /** {@code null} makes the meter post-paid. */
    public MeterConfig withRemainingKwh(BigDecimal kwh) {
        return new MeterConfig(address, phase, loadProfile, baseLoadKw, peakLoadKw, loadNoise, initialEnergyKwh,
                kwh, maxPowerKw, suddenPowerKw, reverseShare, password);
    }

    public MeterConfig withOverload(BigDecimal maxKw, BigDecimal suddenKw) {
        return new MeterConfig(address, phase, loadProfile, baseLoadKw, peakLoadKw, loadNoise, initialEnergyKwh,
                remainingKwh, maxKw, suddenKw, reverseShare, password);
    }

    public MeterConfig withReverseShare(double share) {
        return new MeterConfig(address, phase, loadProfile, baseLoadKw, peakLoadKw, loadNoise, initialEnergyKwh,
                remainingKwh, maxPowerKw, suddenPowerKw, share, password);
    }

    public MeterConfig withPassword(String newPassword) {
        return new MeterConfig(address, phase, loadProfile, baseLoadKw, peakLoadKw, loadNoise, initialEnergyKwh,
                remainingKwh, maxPowerKw, suddenPowerKw, reverseShare, newPassword);
    }

    private static void requireNonNegative(String address, String name, BigDecimal value) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("meter " + address + ": " + name + " must be given and not negative");
        }
    }
}
