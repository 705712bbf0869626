package io.jichao.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.shared.DomainException;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * District scoping (R5) is a service property: a clerk of buildings A and B can neither list,
 * count, read, edit, remove nor export a meter of building C, whichever method is called.
 */
@JichaoSpringTest
class DistrictScopingIT {

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private CollectorService collectors;
    @Autowired
    private ArchiveOverview overview;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private long meterInC;
    private long buildingC;
    private long buildingA;

    @BeforeEach
    void findMetersOfBothDistricts() {
        LoginSupport.loginAs(users, "super");
        List<BuildingView> buildings = structure.buildings();
        buildingA = idOf(buildings, "A");
        buildingC = idOf(buildings, "C");
        meterInC = meters.page(MeterFilter.none().withBuilding(buildingC), 0, 1, List.of(MeterSort.byAddress()))
                .getFirst().id();
        LoginSupport.logout();
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void clerk_lists_and_counts_only_meters_of_the_district() {
        LoginSupport.loginAs(users, "clerk");
        List<MeterRow> rows = meters.page(MeterFilter.none(), 0, 1_000, List.of(MeterSort.byAddress()));
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(MeterRow::buildingCode).containsOnly("A", "B");
        assertThat(meters.count(MeterFilter.none())).isEqualTo(rows.size());
        assertThat(meters.count(MeterFilter.none().withBuilding(buildingC))).isZero();
    }

    @Test
    void clerk_cannot_read_edit_or_remove_a_meter_of_another_district() {
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> meters.get(meterInC))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.meter.not.found");
        LoginSupport.loginAs(users, "maint");
        MeterDraft draft = meters.get(meterInC).draft();
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> meters.update(meterInC, draft)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> meters.remove(meterInC)).isInstanceOf(DomainException.class);
    }

    @Test
    void clerk_exports_only_the_district() {
        LoginSupport.loginAs(users, "clerk");
        List<MeterRow> exported = new ArrayList<>();
        meters.forEachRow(MeterFilter.none(), List.of(MeterSort.byAddress()), exported::add);
        assertThat(exported).extracting(MeterRow::buildingCode).containsOnly("A", "B");
        assertThat(exported).extracting(MeterRow::id).doesNotContain(meterInC);
    }

    @Test
    void maintainer_cannot_create_a_meter_outside_the_district() {
        LoginSupport.loginAs(users, "maint");
        MeterDraft draft = draft("990000000001", buildingA);
        assertThatThrownBy(() -> meters.create(draft))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.district.outside");
    }

    @Test
    void a_role_without_the_right_is_refused_even_inside_the_district() {
        LoginSupport.loginAs(users, "clerk");
        MeterDraft draft = draft("990000000002", buildingA);
        assertThatThrownBy(() -> meters.create(draft))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
        assertThatThrownBy(() -> collectors.updatePort(1L, null))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
    }

    @Test
    void box_district_sees_only_the_meters_of_its_boxes() {
        LoginSupport.loginAs(users, "boxclerk");
        List<MeterRow> rows = meters.page(MeterFilter.none(), 0, 1_000, List.of(MeterSort.byAddress()));
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(MeterRow::boxCode).containsOnly("A1-1", "A1-2");
        assertThat(structure.buildings()).extracting(BuildingView::code).containsExactly("A");
        assertThat(collectors.list()).isEmpty();
    }

    @Test
    void maintainer_sees_collectors_of_the_district_only() {
        LoginSupport.loginAs(users, "maint");
        Set<Long> buildingsOfCollectors = collectors.list().stream()
                .map(CollectorViews.CollectorView::buildingId).collect(Collectors.toSet());
        assertThat(buildingsOfCollectors).doesNotContain(buildingA).contains(buildingC);
    }

    @Test
    void home_counts_follow_the_district() {
        LoginSupport.loginAs(users, "clerk");
        ArchiveOverview.Counts clerkCounts = overview.counts();
        LoginSupport.loginAs(users, "finance");
        ArchiveOverview.Counts siteCounts = overview.counts();
        assertThat(clerkCounts.buildings()).isEqualTo(2);
        // Other tests of the shared database add buildings of their own: the whole site is whatever is there.
        assertThat(siteCounts.buildings()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM building", Long.class))
                .isGreaterThanOrEqualTo(4);
        assertThat(clerkCounts.activeMeters()).isPositive().isLessThan(siteCounts.activeMeters());
    }

    @Test
    void nobody_logged_in_is_refused() {
        assertThatThrownBy(() -> meters.count(MeterFilter.none()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.not.logged.in");
    }

    private static MeterDraft draft(String address, long buildingId) {
        return new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.THREE, BillingMode.PREPAID, buildingId,
                null, null, null, 1, 1, new BigDecimal("10"), null, null, null, null, List.of());
    }

    private static long idOf(List<BuildingView> buildings, String code) {
        return buildings.stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow().id();
    }
}
