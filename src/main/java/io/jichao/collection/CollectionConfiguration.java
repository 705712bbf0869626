package io.jichao.collection;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's beans. They exist in every process so "read now" can say the engine is off; only
 * {@link EngineStarter}, {@link CollectionCycleJob} and {@link CollectionScheduleDispatcher} depend on
 * {@code jichao.collection.enabled}.
 */
@Configuration
@EnableConfigurationProperties({CollectionProperties.class, RetentionProperties.class})
class CollectionConfiguration {

    /** Meters keep local (China Standard) time; the clock offset is computed in this zone. */
    static final ZoneId METER_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean(destroyMethod = "stop")
    CollectionEngine collectionEngine(CollectionProperties properties, Clock clock) {
        return new CollectionEngine(properties, clock, METER_ZONE);
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

    @Bean(destroyMethod = "close")
    MeterStatusStore meterStatusStore(JdbcTemplate jdbc, CollectionProperties properties, ReadingWriter readings) {
        int batch = properties.writer().batchSize();
        return new MeterStatusStore(jdbc, properties.writer(), () -> readings.buffered() > batch);
    }
}
