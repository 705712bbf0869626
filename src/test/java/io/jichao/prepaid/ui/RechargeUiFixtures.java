package io.jichao.prepaid.ui;

import java.math.BigDecimal;
import java.time.Clock;
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
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffService;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.LoginSupport;

/**
 * Prepaid meters with households of the recharge page's tests, priced by a flat tariff group of
 * their own. Rooms, phones and addresses carry a per-run prefix: all test classes share one database.
 */
final class RechargeUiFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = String.valueOf(Math.floorMod(UUID.randomUUID().hashCode(), 90_000) + 10_000);

    record Household(long meterId, String address, String room, String name, String phone) {
    }

    private final MeterService meters;
    private final SiteStructureService structure;
    private final TariffService tariffs;
    private final UserDetailsService users;
    private final Clock clock;

    RechargeUiFixtures(MeterService meters, SiteStructureService structure, TariffService tariffs,
                       UserDetailsService users, Clock clock) {
        this.clock = clock;
        this.meters = meters;
        this.structure = structure;
        this.tariffs = tariffs;
        this.users = users;
    }

    /** A prepaid meter with a household in the building with this code (A and B are the clerk's). */
    Household household(String buildingCode, String name) {
        return household(buildingCode, name, BillingMode.PREPAID);
    }

    /** The same with another billing mode (host-side prepaid: a plain 2007 meter, the host keeps the money). */
    Household household(String buildingCode, String name, BillingMode mode) {
        LoginSupport.loginAs(users, "super");
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals(buildingCode))
                .findFirst().orElseThrow().id();
        int n = SEQUENCE.incrementAndGet();
        String address = "78" + RUN + String.format("%05d", n);
        String room = "R" + RUN + "-" + n;
        String phone = "136" + RUN + String.format("%03d", n);
        long id = meters.create(new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.SINGLE,
                mode, buildingId, null, null, null, 1, 1, new BigDecimal("10"), null, null, room, name,
                List.of(phone)));
        LoginSupport.logout();
        return new Household(id, address, room, name, phone);
    }

    /** A new tariff group holding the meters, with a flat price in force from today. */
    void flatPrice(String price, long... meterIds) {
        LoginSupport.loginAs(users, "finance");
        long groupId = tariffs.createGroup("ui-test-" + RUN + "-" + SEQUENCE.incrementAndGet());
        tariffs.addVersion(groupId, LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)), new TariffPlan.Flat(PricePerKwh.of(price)));
        for (long meterId : meterIds) {
            tariffs.assignMeter(groupId, meterId);
        }
        LoginSupport.logout();
    }
}
