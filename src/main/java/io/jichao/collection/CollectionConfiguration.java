package io.jichao.collection;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.prepaid.RechargeProgress;
import io.jichao.protocol.dlt645.MeterProfile;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The engine's beans. They exist in every process so "read now" can say the engine is off; only
 * {@link EngineStarter}, {@link CollectionCycleJob}, {@link CollectionScheduleDispatcher} and
 * {@link EngineRechargeDelivery} depend on {@code jichao.collection.enabled}.
 */
@Configuration
@EnableConfigurationProperties({CollectionProperties.class, RetentionProperties.class,
        RechargeDeliveryProperties.class, CapabilityProperties.class})
class CollectionConfiguration {

    /** Meters keep local (China Standard) time; the clock offset is computed in this zone. */
    static final ZoneId METER_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean(destroyMethod = "stop")
    CollectionEngine collectionEngine(CollectionProperties properties, CapabilityProperties capability, Clock clock) {
        return new CollectionEngine(properties, clock, METER_ZONE, new MeterCapabilities(clock, capability.reprobe()));
    }

    @Bean(destroyMethod = "close")
    MeterCapabilityStore meterCapabilityStore(JdbcTemplate jdbc) {
        return new MeterCapabilityStore(jdbc);
    }

    @Bean(destroyMethod = "close")
    ReadingWriter readingWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                CollectionProperties properties) {
        return new ReadingWriter(jdbc, new TransactionTemplate(transactions), properties.writer());
    }

    @Bean
    BackfillStore backfillStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new BackfillStore(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    RechargeDeliveryStore rechargeDeliveryStore(JdbcTemplate jdbc) {
        return new RechargeDeliveryStore(jdbc);
    }

    /**
     * Only where the engine runs: a web-only process has no delivery, so the recharge service
     * leaves its orders CREATED and the engine process picks them up from the database.
     */
    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "jichao.collection.enabled", havingValue = "true")
    EngineRechargeDelivery engineRechargeDelivery(CollectionEngine engine, RechargeProgress progress,
                                                  RechargeDeliveryStore store, RechargeDeliveryProperties properties,
                                                  LockProvider locks, Clock clock, ReadingWriter writer,
                                                  MeterStatusStore statusStore, MeterReadEvents readEvents) {
        // A read ahead of a recharge is stored like an operator's "read now": rows, health, read events.
        return new EngineRechargeDelivery(engine, progress, store, properties,
                new MeterRecharger(MeterProfile.dhdsyDefault(), properties), locks, clock, result -> {
                    writer.submit(StoredReading.of(result, ReadingSource.OPERATOR));
                    statusStore.save(engine.health(result.meterId()));
                    readEvents.publish(result);
                });
    }

    @Bean(destroyMethod = "close")
    MeterStatusStore meterStatusStore(JdbcTemplate jdbc, CollectionProperties properties, ReadingWriter readings) {
        int batch = properties.writer().batchSize();
        return new MeterStatusStore(jdbc, properties.writer(), () -> readings.buffered() > batch);
    }
}
