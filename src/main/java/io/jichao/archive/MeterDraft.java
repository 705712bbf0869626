package io.jichao.archive;

import java.math.BigDecimal;
import java.util.List;

/**
 * A meter and its household as a person enters them (form or import row), before validation.
 * Location is by ID (form) and the household is identified by building + room.
 */
public record MeterDraft(String address, Integer deviceChannel, MeterProtocol protocol, Phase phase,
                         BillingMode billingMode, Long buildingId, Long floorId, Long boxId, Long serialPortId,
                         int ctRatio, int ptRatio, BigDecimal maxPowerKw, BigDecimal alarmLevel1Kwh,
                         BigDecimal alarmLevel2Kwh, String room, String householdName, List<String> phones) {

    public MeterDraft {
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}
