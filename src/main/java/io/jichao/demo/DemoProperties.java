package io.jichao.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled          seed the demo park when the database is empty
 * @param collectorHost    host the demo's server-mode collectors are reached at (the built-in simulator)
 * @param firstTcpPort     TCP port of the first demo serial port; the others follow
 * @param operatorPassword password of the demo operators (one per role)
 */
@ConfigurationProperties("jichao.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String collectorHost,
        @DefaultValue("17001") int firstTcpPort,
        @DefaultValue("demo1234") String operatorPassword) {
}
