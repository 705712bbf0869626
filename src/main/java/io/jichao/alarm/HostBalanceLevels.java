package io.jichao.alarm;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alarm levels of host-side prepaid balances, in yuan, for every host-side meter.
 *
 * @param level1Yuan first reminder at or below this balance
 * @param level2Yuan second reminder at or below this balance, below level 1
 */
@ConfigurationProperties("jichao.alarms.host-balance")
public record HostBalanceLevels(@DefaultValue("20.00") BigDecimal level1Yuan,
                                @DefaultValue("10.00") BigDecimal level2Yuan) {

    public HostBalanceLevels {
        if (level2Yuan.signum() < 0 || level2Yuan.compareTo(level1Yuan) >= 0) {
            throw new IllegalArgumentException("jichao.alarms.host-balance: need 0 <= level2-yuan < level1-yuan");
        }
    }
}
