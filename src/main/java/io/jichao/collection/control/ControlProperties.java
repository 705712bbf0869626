package io.jichao.collection.control;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.jichao.protocol.dlt645.Authorization;
import io.jichao.protocol.dlt645.MeterProfile;

/**
 * Meter control ({@code jichao.control.*}); see the README's table.
 *
 * @param password              the meters' 6-digit password for relay commands and parameter writes
 * @param operatorCode          the 8-digit operator code sent with them
 * @param suddenPowerIdentifier the vendor DI of the sudden-power threshold (XX.XXXX kW), 8 hex digits;
 *                              DHDSY default 04A00102, unverified until checked on a real terminal
 * @param relay                 relay commands and their read-back
 * @param overload              the overload parameter job
 * @param gentle                the gentle cut-off job
 */
@ConfigurationProperties("jichao.control")
public record ControlProperties(
        @DefaultValue("000000") String password,
        @DefaultValue("00000000") String operatorCode,
        @DefaultValue("04A00102") String suddenPowerIdentifier,
        @DefaultValue Relay relay,
        @DefaultValue Overload overload,
        @DefaultValue Gentle gentle) {

    /**
     * @param retries  commands sent again when the read-back does not show the wanted state
     * @param settle   wait after the meter acknowledged before reading status word 3 back
     * @param validity how long a command stays valid in the meter (N3..N8 of C = 1C)
     */
    public record Relay(
            @DefaultValue("2") int retries,
            @DefaultValue("1s") Duration settle,
            @DefaultValue("5m") Duration validity) {
    }

    /**
     * @param tick          how often the job looks for parameters to write
     * @param retryMin      wait after a meter's first failed attempt; doubles per failure
     * @param retryMax      longest wait between attempts
     * @param maxAttempts   attempts before a setting is FAILED (set again to retry)
     * @param lockAtMostFor ShedLock safety net of the job
     */
    public record Overload(
            @DefaultValue("30s") Duration tick,
            @DefaultValue("1m") Duration retryMin,
            @DefaultValue("1h") Duration retryMax,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("10m") Duration lockAtMostFor) {

        Duration backoff(int failures) {
            Duration wait = retryMin;
            for (int i = 1; i < failures && wait.compareTo(retryMax) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(retryMax) > 0 ? retryMax : wait;
        }
    }

    /**
     * @param tick          how often the engine's relay decisions run
     * @param lockAtMostFor ShedLock safety net of the job
     */
    public record Gentle(
            @DefaultValue("1m") Duration tick,
            @DefaultValue("10m") Duration lockAtMostFor) {
    }

    Authorization authorization() {
        return new Authorization(MeterProfile.DEFAULT_WRITE_LEVEL, password, operatorCode);
    }
}
