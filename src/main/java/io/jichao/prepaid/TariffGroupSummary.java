package io.jichao.prepaid;

/** A tariff group as the administration page lists it: the version in force today and the next one, if any. */
public record TariffGroupSummary(long id, String name, boolean siteDefault, TariffVersionView inForce,
                                 TariffVersionView next) {
}
