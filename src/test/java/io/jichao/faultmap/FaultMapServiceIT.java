package io.jichao.faultmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.alarm.Severity;
import io.jichao.audit.AuditTrail;
import io.jichao.shared.DomainException;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** The fault map service on MariaDB with the demo park: plans, places, colours, district. */
@JichaoSpringTest
class FaultMapServiceIT {

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"400\">"
            + "<rect width=\"600\" height=\"400\" fill=\"#fff\" onclick=\"alert(1)\"/></svg>";

    @Autowired
    private FaultMapService faultMap;
    @Autowired
    private FaultMapEvents events;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApplicationEventPublisher publisher;
    @Autowired
    private Clock clock;

    private FaultMapFixtures fixtures;
    private long floorC2;

    @BeforeEach
    void setUp() {
        fixtures = new FaultMapFixtures(jdbc, publisher, clock);
        floorC2 = fixtures.floor("C", 2);
        fixtures.planned(floorC2);
    }

    @AfterEach
    void cleanUp() {
        LoginSupport.logout();
        fixtures.cleanUp();
    }

    private void login(String username) {
        LoginSupport.loginAs(users, username);
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.messageKey();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void a_maintainer_uploads_a_floor_plan_of_a_building_in_the_district_and_it_is_stored_sanitised() {
        login("maint");

        FloorMap.Plan plan = faultMap.uploadPlan(floorC2, SVG.getBytes(StandardCharsets.UTF_8), "C-2F.svg");

        assertThat(plan.format()).isEqualTo(PlanFormat.SVG);
        assertThat(plan.width()).isEqualTo(600);
        assertThat(plan.height()).isEqualTo(400);
        assertThat(faultMap.floor(floorC2).plan()).isEqualTo(plan);
        assertThat(new String(faultMap.planContent(floorC2), StandardCharsets.UTF_8)).contains("<rect")
                .doesNotContain("onclick");
        assertThat(audit.byAction("FLOOR_PLAN_UPLOAD")).first()
                .satisfies(event -> assertThat(event.getDetails()).contains("SVG 600x400"));
    }

    @Test
    void a_file_that_is_no_plan_is_refused_with_a_clear_message_and_nothing_is_stored() {
        login("maint");

        assertThat(refusal(() -> faultMap.uploadPlan(floorC2, "not a picture".getBytes(StandardCharsets.UTF_8),
                "plan.png"))).isEqualTo("faultmap.error.plan.type");
        assertThat(faultMap.floor(floorC2).hasPlan()).isFalse();
    }

    @Test
    void a_png_plan_replaces_the_svg_and_the_places_stay() {
        login("maint");
        faultMap.uploadPlan(floorC2, SVG.getBytes(StandardCharsets.UTF_8), "C-2F.svg");
        long meterId = fixtures.householdMeters(floorC2).getFirst();
        faultMap.placeMeter(meterId, floorC2, PlanPosition.of(0.5, 0.5));

        faultMap.uploadPlan(floorC2, FloorPlanFilesTest.png(900, 300), "C-2F.png");

        FloorMap map = faultMap.floor(floorC2);
        assertThat(map.plan().format()).isEqualTo(PlanFormat.PNG);
        assertThat(map.plan().width()).isEqualTo(900);
        assertThat(map.placed()).extracting(MapSubject::id).containsExactly(meterId);
    }

    @Test
    void placing_a_meter_stores_its_place_as_fractions_and_audits_it() {
        login("maint");
        faultMap.uploadPlan(floorC2, SVG.getBytes(StandardCharsets.UTF_8), "C-2F.svg");
        long meterId = fixtures.householdMeters(floorC2).getFirst();

        faultMap.placeMeter(meterId, floorC2, PlanPosition.of(0.25, 0.756789));

        Map<String, Object> stored = jdbc.queryForMap("SELECT plan_x, plan_y, address FROM meter WHERE id = ?", meterId);
        assertThat(stored.get("plan_x")).isEqualTo(new BigDecimal("0.25000"));
        assertThat(stored.get("plan_y")).isEqualTo(new BigDecimal("0.75679"));
        assertThat(faultMap.floor(floorC2).placed()).singleElement()
                .satisfies(point -> assertThat(point.position()).isEqualTo(PlanPosition.of(0.25, 0.75679)));
        assertThat(audit.byAction("METER_PLACE")).first()
                .satisfies(event -> assertThat(event.getTarget()).isEqualTo(stored.get("address")));
    }

    @Test
    void a_collector_is_placed_on_one_floor_of_its_building_and_placing_it_again_moves_it() {
        login("maint");
        long collector = fixtures.collectorOf("C");
        long floorC3 = fixtures.floor("C", 3);
        fixtures.planned(floorC3);
        faultMap.uploadPlan(floorC2, SVG.getBytes(StandardCharsets.UTF_8), "C-2F.svg");
        faultMap.uploadPlan(floorC3, SVG.getBytes(StandardCharsets.UTF_8), "C-3F.svg");

        faultMap.placeCollector(collector, floorC2, PlanPosition.of(0.1, 0.2));
        faultMap.placeCollector(collector, floorC3, PlanPosition.of(0.3, 0.4));

        assertThat(faultMap.floor(floorC2).placed()).isEmpty();
        assertThat(faultMap.floor(floorC3).placed()).singleElement()
                .satisfies(point -> assertThat(point.kind()).isEqualTo(PointKind.COLLECTOR));
        assertThat(refusal(() -> faultMap.placeCollector(collector, fixtures.floor("D", 1), PlanPosition.of(0.5, 0.5))))
                .isEqualTo("faultmap.error.other.building");
    }

    @Test
    void nothing_is_placed_on_a_floor_without_a_plan_or_on_the_wrong_floor() {
        login("maint");
        long meterId = fixtures.householdMeters(floorC2).getFirst();
        assertThat(refusal(() -> faultMap.placeMeter(meterId, floorC2, PlanPosition.of(0.5, 0.5))))
                .isEqualTo("faultmap.error.no.plan");

        faultMap.uploadPlan(floorC2, SVG.getBytes(StandardCharsets.UTF_8), "C-2F.svg");
        long meterOfFloor3 = fixtures.householdMeters(fixtures.floor("C", 3)).getFirst();
        assertThat(refusal(() -> faultMap.placeMeter(meterOfFloor3, floorC2, PlanPosition.of(0.5, 0.5))))
                .isEqualTo("faultmap.error.meter.other.floor");
        assertThat(refusal(() -> faultMap.placeMeter(meterId, floorC2, PlanPosition.of(1.2, 0.5))))
                .isEqualTo("faultmap.error.position");
    }

    @Test
    void outside_the_district_a_floor_is_not_found_and_nothing_can_be_uploaded_or_placed() {
        long floorA1 = fixtures.floor("A", 1);
        long meterOfA = fixtures.householdMeters(floorA1).getFirst();
        login("maint");

        assertThat(refusal(() -> faultMap.floor(floorA1))).isEqualTo("error.floor.not.found");
        assertThat(refusal(() -> faultMap.uploadPlan(floorA1, SVG.getBytes(StandardCharsets.UTF_8), "x.svg")))
                .isEqualTo("error.district.outside");
        assertThat(refusal(() -> faultMap.placeMeter(meterOfA, floorA1, PlanPosition.of(0.5, 0.5))))
                .isEqualTo("error.meter.not.found");
        assertThat(refusal(() -> faultMap.placeCollector(fixtures.collectorOf("A"), floorA1, PlanPosition.of(0.5, 0.5))))
                .isEqualTo("error.collector.not.found");
    }

    @Test
    void a_recharge_clerk_sees_the_map_of_the_district_but_places_nothing() {
        long floorA1 = fixtures.floor("A", 1);
        login("clerk");

        FloorMap map = faultMap.floor(floorA1);

        assertThat(map.hasPlan()).as("the demo plan").isTrue();
        assertThat(map.mayPlaceMeters()).isFalse();
        assertThat(map.mayUploadPlan()).isFalse();
        assertThat(map.subjects()).as("collectors need MANAGE_COLLECTORS to be managed, not to be seen")
                .anyMatch(s -> s.kind() == PointKind.COLLECTOR);
        assertThat(refusal(() -> faultMap.placeMeter(fixtures.householdMeters(floorA1).getFirst(), floorA1,
                PlanPosition.of(0.5, 0.5)))).isEqualTo("error.permission.denied");
    }

    @Test
    void an_operator_of_two_boxes_sees_only_their_meters_and_no_collector() {
        long floorA1 = fixtures.floor("A", 1);
        login("boxclerk");

        FloorMap map = faultMap.floor(floorA1);

        List<Long> inBoxes = jdbc.queryForList("SELECT m.id FROM meter m JOIN distribution_box x ON x.id = m.box_id"
                + " WHERE m.floor_id = ? AND x.code IN ('A1-1', 'A1-2') AND m.state = 'ACTIVE'", Long.class, floorA1);
        assertThat(map.subjects()).extracting(MapSubject::id).containsExactlyInAnyOrderElementsOf(inBoxes);
        assertThat(map.subjects()).noneMatch(s -> s.kind() == PointKind.COLLECTOR);
        assertThat(faultMap.floor(fixtures.floor("A", 2)).subjects()).as("the building's other floors: no meter")
                .isEmpty();
    }

    @Test
    void colours_come_from_the_worst_active_alarm_and_a_port_alarm_colours_its_collector() {
        long floorA1 = fixtures.floor("A", 1);
        fixtures.withoutAlarms(floorA1);
        List<Long> meters = fixtures.householdMeters(floorA1);
        long collector = fixtures.collectorOf("A");
        fixtures.insert("meter", meters.get(0), Severity.FAULT);
        fixtures.insert("meter", meters.get(1), Severity.ALARM);
        long cleared = fixtures.insert("meter", meters.get(2), Severity.FAULT);
        jdbc.update("UPDATE alarm SET state = 'CLEARED', active_key = NULL WHERE id = ?", cleared);
        fixtures.insert("meter", meters.get(3), Severity.ALARM);
        jdbc.update("UPDATE alarm SET state = 'ACKNOWLEDGED' WHERE meter_id = ?", meters.get(3));
        fixtures.insert("serial_port", fixtures.firstPortOf(collector), Severity.FAULT);
        login("clerk");

        Map<Long, Severity> colours = new java.util.HashMap<>();
        faultMap.floor(floorA1).subjects().stream().filter(s -> s.kind() == PointKind.METER)
                .forEach(s -> colours.put(s.id(), s.severity()));

        assertThat(colours.get(meters.get(0))).isEqualTo(Severity.FAULT);
        assertThat(colours.get(meters.get(1))).isEqualTo(Severity.ALARM);
        assertThat(colours.get(meters.get(2))).as("a cleared alarm colours nothing").isEqualTo(Severity.NORMAL);
        assertThat(colours.get(meters.get(3))).as("an acknowledged alarm is still active").isEqualTo(Severity.ALARM);
        assertThat(colours.get(meters.get(4))).isEqualTo(Severity.NORMAL);
        // Other tests of the shared context add collectors to building A: this one is the demo's.
        assertThat(faultMap.floor(floorA1).subjects())
                .filteredOn(s -> s.kind() == PointKind.COLLECTOR && s.id() == collector)
                .singleElement().satisfies(s -> assertThat(s.severity()).isEqualTo(Severity.FAULT));
    }

    @Test
    void an_alarm_change_reaches_the_listeners_of_the_subjects_floor_with_its_new_colour() {
        long floorA1 = fixtures.floor("A", 1);
        long meterId = fixtures.householdMeters(floorA1).getFirst();
        List<PointChange> received = new CopyOnWriteArrayList<>();
        List<PointChange> otherFloor = new CopyOnWriteArrayList<>();
        login("clerk");
        try (var subscription = faultMap.subscribe(floorA1, received::add);
             var other = faultMap.subscribe(fixtures.floor("A", 2), otherFloor::add)) {
            long alarm = fixtures.raiseOnMeter(meterId, Severity.ALARM);
            fixtures.raiseOnMeter(meterId, Severity.FAULT);
            fixtures.clear(alarm, meterId, null);
            fixtures.raiseOnPort(fixtures.firstPortOf(fixtures.collectorOf("A")), Severity.ALARM);
        }

        assertThat(received).containsExactly(new PointChange(PointKind.METER, meterId, Severity.ALARM),
                new PointChange(PointKind.METER, meterId, Severity.FAULT),
                new PointChange(PointKind.METER, meterId, Severity.FAULT),
                new PointChange(PointKind.COLLECTOR, fixtures.collectorOf("A"), Severity.ALARM));
        assertThat(otherFloor).isEmpty();
        assertThat(events.subscribers(floorA1)).isZero();
    }

    @Test
    void nobody_subscribes_to_a_floor_outside_the_district() {
        login("clerk2");

        assertThat(refusal(() -> faultMap.subscribe(fixtures.floor("A", 1), change -> { })))
                .isEqualTo("error.floor.not.found");
    }
}
