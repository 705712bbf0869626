package io.jichao.alarm;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link AlarmProperties} and {@link AlarmSmsProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AlarmProperties.class, AlarmSmsProperties.class, HostBalanceLevels.class})
class AlarmConfiguration {
}
