package io.jichao.collection.control;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HexFormat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.audit.AuditTrail;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.ReadingWriter;
import io.jichao.prepaid.HostDebitService;
import io.jichao.protocol.dlt645.DataIdentifier;
import io.jichao.protocol.dlt645.MeterProfile;

/**
 * The control beans. They exist in every process, so a web-only process can show settings and
 * say the engine is off; only the jobs depend on {@code jichao.collection.enabled}.
 */
@Configuration
@EnableConfigurationProperties(ControlProperties.class)
class ControlConfiguration {

    /** Meters keep local (China Standard) time: a relay command's deadline is in it. */
    static final ZoneId METER_ZONE = ZoneId.of("Asia/Shanghai");

    /** The DHDSY profile with the configured sudden-power identifier. */
    static MeterProfile profile(ControlProperties properties) {
        int identifier = HexFormat.fromHexDigits(properties.suddenPowerIdentifier());
        return MeterProfile.dhdsyDefault().withSuddenPowerIdentifier(DataIdentifier.of2007(identifier));
    }

    @Bean
    RelayCommandStore relayCommandStore(JdbcTemplate jdbc) {
        return new RelayCommandStore(jdbc);
    }

    @Bean
    OverloadStore overloadStore(JdbcTemplate jdbc) {
        return new OverloadStore(jdbc);
    }

    @Bean
    OverloadWriter overloadWriter(CollectionEngine engine, OverloadStore store, ControlProperties properties,
                                  AuditTrail audit, PlatformTransactionManager transactions, Clock clock) {
        return new OverloadWriter(engine, store, profile(properties), properties, audit,
                new TransactionTemplate(transactions), clock);
    }

    @Bean
    GentleCutoffStore gentleCutoffStore(JdbcTemplate jdbc) {
        return new GentleCutoffStore(jdbc);
    }

    @Bean
    GentleCutoffPolicy gentleCutoffPolicy(Clock clock) {
        return new GentleCutoffPolicy(clock, METER_ZONE);
    }

    @Bean
    GentleCutoff gentleCutoff(CollectionEngine engine, GentleCutoffStore store, GentleCutoffPolicy policy,
                              RelayPath relays, Clock clock) {
        return new GentleCutoff(engine, store, policy, relays, clock);
    }

    /** Host-side prepaid: debits after every stored batch of readings, trips and closes through the relay path. */
    @Bean(destroyMethod = "close")
    HostPrepaidControl hostPrepaidControl(NamedParameterJdbcTemplate jdbc, HostDebitService debits,
                                          GentleCutoffStore store, GentleCutoffPolicy policy, RelayPath relays,
                                          ReadingWriter writer) {
        HostPrepaidControl control = new HostPrepaidControl(new HostReadings(jdbc), debits, store, policy, relays);
        writer.onStored(control::storedReadings);
        return control;
    }

    @Bean
    RelayPath relayPath(CollectionEngine engine, RelayCommandStore store, AuditTrail audit,
                        PlatformTransactionManager transactions, ApplicationEventPublisher events,
                        ControlProperties properties, Clock clock) {
        return new RelayPath(engine, new RelayCommander(profile(properties), properties, clock, METER_ZONE), store,
                audit, new TransactionTemplate(transactions), events, clock);
    }
}
