package io.jichao.collection;

import java.time.Duration;

import io.jichao.collection.link.DialInSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the collection engine ({@code jichao.collection.*}); see the README's table.
 *
 * @param enabled             run the engine in this process (R7: a web-only process sets false)
 * @param dlt645AnswerTimeout answer timeout after the last request byte on DL/T 645 buses
 * @param modbusAnswerTimeout the same on Modbus RTU buses
 * @param retries             extra attempts after a timeout
 * @param minimumGap          quiet time between exchanges on one bus
 * @param connectTimeout      TCP connect timeout towards SERVER-mode collectors
 * @param dialInHost          address the dial-in listener binds
 * @param dialInPort          port of the dial-in listener (0: any free port, for tests)
 * @param registrationPattern regex with groups {@code id} and {@code port} for the dial-in registration packet
 * @param registrationTimeout time a dial-in connection has to register
 * @param heartbeat           dial-in heartbeat packet, dropped
 * @param heartbeatInterval   the units' heartbeat interval; silence for 3 × this closes the connection
 * @param cycle               reading cycles
 * @param writer              storage of readings
 * @param gap                 back-fill of gaps from the meters' own freezes
 * @param clocks              daily time broadcast and the clock drift report
 * @param scan                commissioning scans of a bus
 */
@ConfigurationProperties("jichao.collection")
public record CollectionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration dlt645AnswerTimeout,
        @DefaultValue("1s") Duration modbusAnswerTimeout,
        @DefaultValue("2") int retries,
        @DefaultValue("200ms") Duration minimumGap,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("0.0.0.0") String dialInHost,
        @DefaultValue("17900") int dialInPort,
        @DefaultValue(DialInSettings.DEFAULT_REGISTRATION_REGEX) String registrationPattern,
        @DefaultValue("10s") Duration registrationTimeout,
        @DefaultValue("HB") String heartbeat,
        @DefaultValue("30s") Duration heartbeatInterval,
        @DefaultValue Cycle cycle,
        @DefaultValue Writer writer,
        @DefaultValue Gap gap,
        @DefaultValue Clocks clocks,
        @DefaultValue Scan scan) {

    /**
     * Reading schedules themselves are stored ({@code collection_schedule}) and set in the UI.
     *
     * @param tick          how often the dispatcher looks for due schedules
     * @param initialDelay  first look after start-up (connections need a moment)
     * @param lockAtMostFor ShedLock safety net per schedule run when a process dies mid-cycle
     */
    public record Cycle(
            @DefaultValue("20s") Duration tick,
            @DefaultValue("30s") Duration initialDelay,
            @DefaultValue("30m") Duration lockAtMostFor) {
    }

    /**
     * @param bufferCapacity readings held in memory while the database is slow or down; beyond
     *                       it the oldest CYCLE readings are dropped (and counted)
     * @param batchSize      rows per JDBC batch
     * @param flushInterval  how often the buffer is written
     * @param maxBackoff     longest wait between attempts while the database is down
     */
    public record Writer(
            @DefaultValue("100000") int bufferCapacity,
            @DefaultValue("500") int batchSize,
            @DefaultValue("1s") Duration flushInterval,
            @DefaultValue("30s") Duration maxBackoff) {
    }

    /**
     * @param threshold      a successful read this long after the previous one reads the meter's
     *                       hourly and daily freezes to fill the hours in between (R1)
     * @param operatorWindow how far back an operator's back-fill looks (the meter keeps 31 days)
     */
    public record Gap(
            @DefaultValue("1h") Duration threshold,
            @DefaultValue("31d") Duration operatorWindow) {
    }

    /**
     * @param syncCron       when the time broadcast runs (Spring cron, in {@code syncZone})
     * @param syncZone       zone of {@code syncCron}; the broadcast time itself is always the
     *                       meters' local time, Asia/Shanghai
     * @param settle         quiet time on each bus after the broadcast before the next request
     * @param lockAtMostFor  ShedLock safety net for the broadcast job
     * @param driftThreshold a meter clock off by more than this is listed in the drift report
     */
    public record Clocks(
            @DefaultValue("0 0 3 * * *") String syncCron,
            @DefaultValue("Asia/Shanghai") String syncZone,
            @DefaultValue("1s") Duration settle,
            @DefaultValue("10m") Duration lockAtMostFor,
            @DefaultValue("60s") Duration driftThreshold) {
    }

    /**
     * @param probeTimeout answer timeout of one probe (single attempt, no retries); a meter answers
     *                     within ≈ 100 ms of the request at 2400 bps
     * @param maxAddresses most addresses one scan may probe (≈ probeTimeout each when absent)
     */
    public record Scan(
            @DefaultValue("300ms") Duration probeTimeout,
            @DefaultValue("256") int maxAddresses) {
    }

    /** The timeout for a bus of this protocol. */
    public Duration answerTimeout(boolean modbus) {
        return modbus ? modbusAnswerTimeout : dlt645AnswerTimeout;
    }
}
