package io.jichao.archive.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructureService;

/** Test data for the archive views. The tests share one database, so every meter gets a fresh address. */
final class ArchiveFixtures {

    private ArchiveFixtures() {
    }

    /** A random 12-digit address outside the demo park's 3701… and 0000… ranges. */
    static String freshAddress() {
        return "88" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    static BuildingView building(SiteStructureService structure, String code) {
        return structure.buildings().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }

    /** A prepaid meter off any bus in the given building, with a household when a room is given. */
    static MeterDraft draft(String address, long buildingId, String room) {
        return new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.THREE, BillingMode.PREPAID, buildingId,
                null, null, null, 1, 1, new BigDecimal("30"), new BigDecimal("50"), new BigDecimal("20"), room,
                room == null ? null : "测试户", room == null ? List.of() : List.of("13800000000"));
    }
}
