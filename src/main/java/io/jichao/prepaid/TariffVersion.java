package io.jichao.prepaid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.Immutable;

import io.jichao.shared.Kwh;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

/**
 * A tariff plan of a group from a date on. Immutable: history must show what was charged, so a
 * change is a new version with a later date, never an edit.
 */
@Entity
@Immutable
class TariffVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long groupId;

    private LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    private TariffKind kind;

    private BigDecimal rechargeReferencePrice;

    private Instant createdAt;

    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tariff_rate", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    private List<TariffRate> rates = new ArrayList<>();

    protected TariffVersion() {
    }

    TariffVersion(long groupId, LocalDate effectiveFrom, TariffPlan plan, Instant createdAt, String createdBy) {
        this.groupId = groupId;
        this.effectiveFrom = effectiveFrom;
        this.kind = plan.kind();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        switch (plan) {
            case TariffPlan.Flat flat -> rates.add(new TariffRate(null, null, null, null, flat.price().yuan()));
            case TariffPlan.TimeOfUse tou -> {
                rechargeReferencePrice = tou.rechargeReferencePrice().yuan();
                tou.periods().forEach(p -> rates.add(
                        new TariffRate(p.kind(), p.start(), p.end(), null, p.price().yuan())));
            }
            case TariffPlan.Stepped stepped -> stepped.steps().forEach(s -> rates.add(
                    new TariffRate(null, null, null, s.upTo() == null ? null : s.upTo().value(), s.price().yuan())));
        }
    }

    /** The plan rebuilt from the stored rows, validated again on the way out. */
    TariffPlan plan() {
        return switch (kind) {
            case FLAT -> new TariffPlan.Flat(new PricePerKwh(rates.getFirst().price()));
            case TIME_OF_USE -> new TariffPlan.TimeOfUse(rates.stream()
                    .map(r -> new TouPeriod(r.periodKind(), r.startTime(), r.endTime(), new PricePerKwh(r.price())))
                    .toList(), new PricePerKwh(rechargeReferencePrice));
            case STEPPED -> new TariffPlan.Stepped(rates.stream()
                    .map(r -> new TariffStep(r.upToKwh() == null ? null : new Kwh(r.upToKwh()), new PricePerKwh(r.price())))
                    .toList());
        };
    }

    Long getId() { return id; }
    Long getGroupId() { return groupId; }
    LocalDate getEffectiveFrom() { return effectiveFrom; }
    Instant getCreatedAt() { return createdAt; }
    String getCreatedBy() { return createdBy; }
}
