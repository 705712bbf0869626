package io.jichao.collection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live reconfiguration of the engine ({@code jichao.collection.topology.*}); see the README's table.
 *
 * @param reconcileInterval how often the engine compares itself with the archive anyway, for
 *                          changes another process made (a web-only node of a two-tier site)
 * @param connectingGrace   a port dropped on purpose that has not come back after this long
 *                          shows as disconnected instead of connecting
 */
@ConfigurationProperties("jichao.collection.topology")
public record TopologyProperties(@DefaultValue("10s") Duration reconcileInterval,
                                 @DefaultValue("30s") Duration connectingGrace) {
}
