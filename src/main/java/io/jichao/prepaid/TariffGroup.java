package io.jichao.prepaid;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A named set of meters that share tariff versions (R3). The site default group is created by Liquibase. */
@Entity
class TariffGroup {

    static final String SITE_DEFAULT = "SITE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String siteDefaultKey;

    private Instant createdAt;

    protected TariffGroup() {
    }

    TariffGroup(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    Long getId() { return id; }
    String getName() { return name; }
    boolean isSiteDefault() { return SITE_DEFAULT.equals(siteDefaultKey); }
}
