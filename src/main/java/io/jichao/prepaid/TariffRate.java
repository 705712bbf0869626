package io.jichao.prepaid;

import java.math.BigDecimal;
import java.time.LocalTime;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One stored price row of a tariff version; which fields are set depends on the version's kind. */
@Embeddable
class TariffRate {

    @Enumerated(EnumType.STRING)
    private PeriodKind periodKind;

    private LocalTime startTime;

    private LocalTime endTime;

    private BigDecimal upToKwh;

    private BigDecimal price;

    protected TariffRate() {
    }

    TariffRate(PeriodKind periodKind, LocalTime startTime, LocalTime endTime, BigDecimal upToKwh, BigDecimal price) {
        this.periodKind = periodKind;
        this.startTime = startTime;
        this.endTime = endTime;
        this.upToKwh = upToKwh;
        this.price = price;
    }

    PeriodKind periodKind() { return periodKind; }
    LocalTime startTime() { return startTime; }
    LocalTime endTime() { return endTime; }
    BigDecimal upToKwh() { return upToKwh; }
    BigDecimal price() { return price; }
}
