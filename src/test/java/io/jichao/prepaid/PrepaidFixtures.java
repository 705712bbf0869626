package io.jichao.prepaid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.testing.LoginSupport;

/**
 * Meters and households of the prepaid tests' own, so the demo park others rely on stays as it
 * is. Rooms and addresses carry a per-run prefix: all test classes share one database.
 */
final class PrepaidFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = String.valueOf(Math.floorMod(UUID.randomUUID().hashCode(), 90_000) + 10_000);

    private final MeterService meters;
    private final SiteStructureService structure;
    private final TariffService tariffs;
    private final UserDetailsService users;

    PrepaidFixtures(MeterService meters, SiteStructureService structure, TariffService tariffs,
                    UserDetailsService users) {
        this.meters = meters;
        this.structure = structure;
        this.tariffs = tariffs;
        this.users = users;
    }

    /** A new meter with its own household in the building with this code (A and B are the clerk's). */
    long meter(String buildingCode, BillingMode mode) {
        return meter(buildingCode, mode, 1);
    }

    /** As {@link #meter(String, BillingMode)}, behind a current transformer of this ratio (PT 1). */
    long meter(String buildingCode, BillingMode mode, int ctRatio) {
        LoginSupport.loginAs(users, "super");
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals(buildingCode))
                .findFirst().orElseThrow().id();
        int n = SEQUENCE.incrementAndGet();
        String address = "77" + RUN + String.format("%05d", n);
        long id = meters.create(new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.SINGLE, mode,
                buildingId, null, null, null, ctRatio, 1, new BigDecimal("10"), null, null, "P" + RUN + "-" + n,
                "Prepaid test " + n, List.of()));
        LoginSupport.logout();
        return id;
    }

    /** A new tariff group holding the meters, with a flat price in force from today. */
    long flatGroup(String price, long... meterIds) {
        LoginSupport.loginAs(users, "finance");
        long groupId = tariffs.createGroup("test-" + RUN + "-" + SEQUENCE.incrementAndGet());
        tariffs.addVersion(groupId, tariffs.today(), new TariffPlan.Flat(PricePerKwh.of(price)));
        for (long meterId : meterIds) {
            tariffs.assignMeter(groupId, meterId);
        }
        LoginSupport.logout();
        return groupId;
    }

    LocalDate today() {
        return tariffs.today();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
