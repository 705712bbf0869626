package io.jichao.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo park ({@code jichao.demo.*}); the {@code demo} profile turns it on.
 *
 * @param enabled          seed the demo park when the database is empty
 * @param forcePasswordChange demo operators still on the demo password must change it at their next
 *                         login (checked at every start; the demo profile sets false)
 * @param collectorHost    host the demo's server-mode collectors are reached at (the built-in simulator)
 * @param firstTcpPort     TCP port of the first demo serial port; the others follow
 * @param operatorPassword password of the demo operators (one per role)
 */
@ConfigurationProperties("jichao.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("true") boolean forcePasswordChange,
        @DefaultValue("127.0.0.1") String collectorHost,
        @DefaultValue("17001") int firstTcpPort,
        @DefaultValue("demo1234") String operatorPassword) {
}
