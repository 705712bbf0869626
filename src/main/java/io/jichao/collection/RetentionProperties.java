package io.jichao.collection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long raw readings are kept ({@code jichao.collection.retention.*}); see the README's table.
 * The energy aggregates ({@code energy_hourly}, {@code energy_daily}) are always kept.
 *
 * @param enabled         run the nightly purge in this process (ShedLock keeps it to one process)
 * @param instantReadings age after which voltage, current, power, power-factor and meter-time rows go
 * @param energyReadings  the same for energy and water register rows; zero keeps them forever
 * @param chunkSize       rows per DELETE statement (each its own short transaction)
 * @param cron            when the purge runs (Spring cron, in {@code zone})
 * @param zone            zone of {@code cron}
 * @param lockAtMostFor   ShedLock safety net when a process dies mid-purge
 */
@ConfigurationProperties("jichao.collection.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("90d") Duration instantReadings,
        @DefaultValue("0d") Duration energyReadings,
        @DefaultValue("5000") int chunkSize,
        @DefaultValue("0 30 2 * * *") String cron,
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue("2h") Duration lockAtMostFor) {

    public boolean keepsEnergyReadingsForever() {
        return energyReadings.isZero();
    }
}
