package io.jichao.prepaid;

import java.time.Instant;
import java.time.LocalDate;

/** A stored tariff version as services hand it out. */
public record TariffVersionView(long id, long groupId, LocalDate effectiveFrom, TariffPlan plan, String createdBy,
                                Instant createdAt) {

    static TariffVersionView of(TariffVersion version) {
        return new TariffVersionView(version.getId(), version.getGroupId(), version.getEffectiveFrom(), version.plan(),
                version.getCreatedBy(), version.getCreatedAt());
    }
}
