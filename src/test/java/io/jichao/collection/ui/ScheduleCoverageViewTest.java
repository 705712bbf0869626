package io.jichao.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

import io.jichao.collection.CollectionScheduleService.ScheduleListing;
import io.jichao.testing.KaribuTest;

/**
 * The schedules page tells a run's coverage (issue 13): complete meters out of every meter the run
 * should have read, including those it did not include, and for the selected schedule the partly
 * read meters with their missing items, the meters not reached and the meters not included.
 */
class ScheduleCoverageViewTest extends KaribuTest {

    private static final Instant STARTED = Instant.parse("2026-12-08T01:00:00Z");

    @Autowired
    private JdbcTemplate jdbc;
    private String name;

    @AfterEach
    void removeTheSchedule() {
        jdbc.update("DELETE FROM collection_schedule WHERE name = ?", name);
    }

    @Test
    void a_run_that_left_meters_out_and_read_some_partly_is_not_shown_as_complete() {
        name = "Coverage " + System.nanoTime();
        storeRun(249, 249, 0, 3, 32, "370101010001,370101010002,370101010003", null,
                "370101020001,370101020002", "VOLTAGE_B,CURRENT_B");
        login("super");
        navigateTo("collection/schedules");

        ScheduleListing run = row();
        assertThat(cell(run)).isEqualTo("2026-12-08 09:00: 246/281 complete, 3 partial, 0 not reached, 32 not included");

        grid().select(run);

        assertThat(text(RunCoverageDetails.PARTIAL_ID)).isEqualTo("Partly read meters: 370101010001, 370101010002, "
                + "370101010003; missing: Voltage phase B (V), Current phase B (A)");
        assertThat(text(RunCoverageDetails.NOT_INCLUDED_ID))
                .isEqualTo("Meters not included in the cycle (not in the engine topology): 370101020001, 370101020002 …");
        _assertNone(Span.class, spec -> spec.withId(RunCoverageDetails.UNREACHED_ID));
    }

    @Test
    void the_meters_a_run_could_not_reach_are_listed() {
        name = "Coverage " + System.nanoTime();
        storeRun(5, 3, 2, 0, 0, null, "370101010004,370101010005", null, null);
        login("super");
        navigateTo("collection/schedules");

        ScheduleListing run = row();
        assertThat(cell(run)).isEqualTo("2026-12-08 09:00: 3/5 complete, 0 partial, 2 not reached, 0 not included");
        grid().select(run);

        assertThat(text(RunCoverageDetails.UNREACHED_ID)).isEqualTo("Meters not reached: 370101010004, 370101010005");
        _assertNone(Span.class, spec -> spec.withId(RunCoverageDetails.PARTIAL_ID));
    }

    private void storeRun(int total, int succeeded, int failed, int partial, int notIncluded, String partialMeters,
                          String unreached, String notIncludedMeters, String missing) {
        jdbc.update("""
                INSERT INTO collection_schedule (name, enabled, items, interval_minutes, last_started_at,
                    last_finished_at, last_total, last_succeeded, last_failed, last_partial, last_not_included,
                    last_partial_meters, last_unreached_meters, last_not_included_meters, last_missing_items)
                VALUES (?, FALSE, 'ACTIVE_ENERGY,VOLTAGE_B,CURRENT_B', 15, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                name, Timestamp.from(STARTED), Timestamp.from(STARTED.plusSeconds(90)), total, succeeded, failed,
                partial, notIncluded, partialMeters, unreached, notIncludedMeters, missing);
    }

    private ScheduleListing row() {
        List<ScheduleListing> rows = GridKt._findAll(grid());
        return rows.stream().filter(l -> l.schedule().name().equals(name)).findFirst().orElseThrow();
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<ScheduleListing> grid() {
        return _get(Grid.class, spec -> spec.withId(CollectionSchedulesView.GRID_ID));
    }

    private static String cell(ScheduleListing row) {
        return GridKt._getFormatted(GridKt._getColumnByKey(grid(), "lastRun"), row);
    }
}
