package io.jichao.prepaid;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * @param maxRechargeYuan largest single recharge in yuan: a typo of a few zeros is refused, not sold
 * @param maxRechargeKwh  largest single recharge in kWh, for recharges typed as energy
 * @param emergencyCreditKwh the emergency credit a household may take once before paying; 0 turns it off
 */
@ConfigurationProperties("jichao.prepaid")
public record PrepaidProperties(
        @DefaultValue("100000.00") BigDecimal maxRechargeYuan,
        @DefaultValue("100000.00") BigDecimal maxRechargeKwh,
        @DefaultValue("10.00") BigDecimal emergencyCreditKwh) {

    public PrepaidProperties {
        if (emergencyCreditKwh.signum() < 0) {
            throw new IllegalArgumentException("jichao.prepaid.emergency-credit-kwh must not be negative");
        }
    }

    public Money maxRecharge() {
        return new Money(maxRechargeYuan);
    }

    public Kwh maxRechargeEnergy() {
        return new Kwh(maxRechargeKwh);
    }

    public Kwh emergencyCredit() {
        return new Kwh(emergencyCreditKwh);
    }
}
