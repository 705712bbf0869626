package io.jichao.faultmap.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import tools.jackson.databind.node.JsonNodeFactory;

import io.jichao.admin.ui.CollectorsView;
import io.jichao.alarm.Severity;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.faultmap.FaultMapEvents;
import io.jichao.faultmap.FaultMapFixtures;
import io.jichao.faultmap.FaultMapService;
import io.jichao.faultmap.MapSubject;
import io.jichao.faultmap.PointKind;
import io.jichao.testing.KaribuTest;

/** The fault map page: placing by click, colours from the alarm table, recolouring by push. */
class FaultMapViewTest extends KaribuTest {

    private static final String PLAN = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"400\">"
            + "<rect width=\"800\" height=\"400\" fill=\"#eee\"/></svg>";

    @Autowired
    private FaultMapService faultMap;
    @Autowired
    private FaultMapEvents events;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApplicationEventPublisher publisher;
    @Autowired
    private Clock clock;

    private FaultMapFixtures fixtures;
    private long floorA1;
    private List<Long> metersA1;

    @BeforeEach
    void findTheDemoFloor() {
        fixtures = new FaultMapFixtures(jdbc, publisher, clock);
        floorA1 = fixtures.floor("A", 1);
        fixtures.withoutAlarms(floorA1);
        metersA1 = fixtures.householdMeters(floorA1);
    }

    @AfterEach
    void cleanUp() {
        fixtures.cleanUp();
    }

    private static void openFloor(long floorId) {
        UI.getCurrent().navigate("faultmap", QueryParameters.of("floor", String.valueOf(floorId)));
    }

    private Div point(PointKind kind, long id) {
        return _get(Div.class, spec -> spec.withId(FloorPlanCanvas.pointId(kind, id)));
    }

    private static String colourOf(Div point) {
        return point.getClassNames().stream().filter(c -> c.matches("fault-map-point--(green|yellow|red)"))
                .findFirst().orElse("none");
    }

    private void clickPlanAt(double x, double y) {
        Div canvas = _get(Div.class, spec -> spec.withId(FaultMapView.CANVAS_ID));
        _fireDomEvent(canvas, "click", JsonNodeFactory.instance.objectNode()
                .put(FloorPlanCanvas.CLICK_X, x).put(FloorPlanCanvas.CLICK_Y, y));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<MapSubject> placeBox() {
        return _get(ComboBox.class, spec -> spec.withId(FaultMapView.PLACE_ID));
    }

    /** Publishes the way the alarm service does after its commit: on a thread of its own. */
    private void onAnotherThread(Runnable publish) throws InterruptedException {
        Thread.ofVirtual().start(publish).join();
        MockVaadin.clientRoundtrip(false);
    }

    @Test
    void a_click_on_the_plan_places_the_chosen_meter_where_the_click_landed() {
        login("super");
        long floorA2 = fixtures.floor("A", 2);
        fixtures.planned(floorA2);
        faultMap.uploadPlan(floorA2, PLAN.getBytes(StandardCharsets.UTF_8), "A-2F.svg");
        long meterId = fixtures.householdMeters(floorA2).getFirst();
        openFloor(floorA2);
        assertThat(_find(Div.class, spec -> spec.withId(FloorPlanCanvas.pointId(PointKind.METER, meterId)))).isEmpty();

        ComboBox<MapSubject> place = placeBox();
        place.setValue(place.getListDataView().getItems().filter(s -> s.id() == meterId && s.kind() == PointKind.METER)
                .findFirst().orElseThrow());
        clickPlanAt(0.25, 0.75);

        Div point = point(PointKind.METER, meterId);
        assertThat(point.getStyle().get("left")).isEqualTo("25%");
        assertThat(point.getStyle().get("top")).isEqualTo("75%");
        assertThat(jdbc.queryForObject("SELECT plan_x FROM meter WHERE id = ?", BigDecimal.class, meterId))
                .isEqualTo(new BigDecimal("0.25000"));
        assertThat(placeBox().getValue()).as("placed: the choice is cleared").isNull();
    }

    @Test
    void placing_a_placed_collector_again_moves_it_to_the_new_click() {
        login("super");
        long collector = fixtures.collectorOf("A");
        long before = jdbc.queryForObject("SELECT plan_x FROM collector_plan_position WHERE collector_id = ?",
                BigDecimal.class, collector).movePointRight(5).longValue();
        openFloor(floorA1);
        ComboBox<MapSubject> place = placeBox();
        place.setValue(place.getListDataView().getItems().filter(s -> s.kind() == PointKind.COLLECTOR)
                .findFirst().orElseThrow());
        try {
            clickPlanAt(0.5, 0.125);

            assertThat(point(PointKind.COLLECTOR, collector).getStyle().get("left")).isEqualTo("50%");
            assertThat(point(PointKind.COLLECTOR, collector).getStyle().get("top")).isEqualTo("12.5%");
        } finally {
            jdbc.update("UPDATE collector_plan_position SET plan_x = ? WHERE collector_id = ?",
                    BigDecimal.valueOf(before, 5), collector);
        }
    }

    @Test
    void points_are_coloured_from_the_active_alarms_of_their_meters() {
        fixtures.insert("meter", metersA1.get(0), Severity.FAULT);
        fixtures.insert("meter", metersA1.get(1), Severity.ALARM);
        login("clerk");

        openFloor(floorA1);

        assertThat(colourOf(point(PointKind.METER, metersA1.get(0)))).isEqualTo("fault-map-point--red");
        assertThat(colourOf(point(PointKind.METER, metersA1.get(1)))).isEqualTo("fault-map-point--yellow");
        assertThat(colourOf(point(PointKind.METER, metersA1.get(2)))).isEqualTo("fault-map-point--green");
        assertThat(point(PointKind.METER, metersA1.get(0)).getElement().getAttribute("title"))
                .startsWith("Meter 3701").contains("room A1").endsWith(": Fault");
    }

    @Test
    void an_alarm_change_recolours_the_open_map_by_push() throws InterruptedException {
        long meterId = metersA1.get(0);
        login("clerk");
        openFloor(floorA1);
        assertThat(colourOf(point(PointKind.METER, meterId))).isEqualTo("fault-map-point--green");

        long[] alarm = new long[1];
        onAnotherThread(() -> alarm[0] = fixtures.raiseOnMeter(meterId, Severity.FAULT));
        assertThat(colourOf(point(PointKind.METER, meterId))).isEqualTo("fault-map-point--red");

        onAnotherThread(() -> fixtures.clear(alarm[0], meterId, null));
        assertThat(colourOf(point(PointKind.METER, meterId))).isEqualTo("fault-map-point--green");
    }

    @Test
    void a_port_fault_turns_its_collector_red() throws InterruptedException {
        long collector = fixtures.collectorOf("A");
        login("clerk");
        openFloor(floorA1);

        onAnotherThread(() -> fixtures.raiseOnPort(fixtures.firstPortOf(collector), Severity.FAULT));

        assertThat(colourOf(point(PointKind.COLLECTOR, collector))).isEqualTo("fault-map-point--red");
    }

    @Test
    void leaving_the_map_stops_listening_to_the_floor() {
        login("clerk");
        openFloor(floorA1);
        assertThat(events.subscribers(floorA1)).isEqualTo(1);

        navigateTo("meters");

        assertThat(events.subscribers(floorA1)).isZero();
    }

    @Test
    void a_click_on_a_meter_opens_its_live_page() {
        login("clerk");
        openFloor(floorA1);

        _fireDomEvent(point(PointKind.METER, metersA1.get(0)), "click");

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("meters/" + metersA1.get(0) + "/live");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_click_on_a_collector_opens_the_collectors_page_with_it_selected() {
        long collector = fixtures.collectorOf("A");
        login("super");
        openFloor(floorA1);

        _fireDomEvent(point(PointKind.COLLECTOR, collector), "click");

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("collectors");
        Grid<CollectorView> grid = _get(Grid.class, spec -> spec.withId(CollectorsView.GRID_ID));
        assertThat(grid.asSingleSelect().getValue().id()).isEqualTo(collector);
    }

    @Test
    void a_recharge_clerk_gets_neither_upload_nor_placing() {
        login("clerk");
        openFloor(floorA1);

        assertThat(_find(Button.class, spec -> spec.withId(FaultMapView.UPLOAD_ID))).as("no visible upload").isEmpty();
        assertThat(_find(ComboBox.class, spec -> spec.withId(FaultMapView.PLACE_ID))).as("no visible place").isEmpty();
        assertThat(_find(Div.class, spec -> spec.withClasses(FloorPlanCanvas.POINT_CLASS + "--meter")))
                .as("but the points").hasSize(14);
    }

    @Test
    void an_uploaded_file_that_is_no_plan_is_refused_in_the_dialog_with_the_reason() {
        login("maint");
        long floorC2 = fixtures.floor("C", 2);
        fixtures.planned(floorC2);
        openFloor(floorC2);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId(FaultMapView.NO_PLAN_ID))
                .getText()).contains("upload one");

        _click(_get(Button.class, spec -> spec.withId(FaultMapView.UPLOAD_ID)));
        PlanUploadDialog dialog = _get(PlanUploadDialog.class);
        dialog.store(faultMap, floorC2, "plan.png", "GIF89a".getBytes(StandardCharsets.US_ASCII), () -> { });

        assertThat(dialog.problem()).isEqualTo("Only SVG or PNG floor plans can be used; this file is neither.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(faultMap.floor(floorC2).hasPlan()).isFalse();
    }
}
