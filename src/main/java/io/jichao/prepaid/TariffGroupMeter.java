package io.jichao.prepaid;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The group a meter is assigned to; the meter ID is the key, so a meter is in at most one group. */
@Entity
class TariffGroupMeter {

    @Id
    private Long meterId;

    private Long groupId;

    protected TariffGroupMeter() {
    }

    TariffGroupMeter(long meterId, long groupId) {
        this.meterId = meterId;
        this.groupId = groupId;
    }

    void moveTo(long newGroupId) {
        this.groupId = newGroupId;
    }

    Long getMeterId() { return meterId; }
    Long getGroupId() { return groupId; }
}
