package io.jichao.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.html.Span;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.MeterHealth;
import io.jichao.collection.ReadingItem;
import io.jichao.testing.KaribuTest;

/**
 * The meter page tells the item coverage of the last read (issue 13): a meter whose read left
 * expected items unstored is PARTIAL with those items named; items the meter is known not to offer
 * are listed apart and do not make it PARTIAL.
 */
class MeterCoverageViewTest extends KaribuTest {

    @Autowired
    private MeterService meters;
    @Autowired
    private CollectionEngine engine;
    @Autowired
    private Clock clock;

    /** A meter of the clerk's district no other test gives a health (the engine is off in this context). */
    private long meter(int index) {
        login("clerk");
        return meters.page(MeterFilter.none(), index, 1, List.of(MeterSort.byAddress())).getFirst().id();
    }

    @Test
    void a_meter_whose_last_read_missed_items_is_shown_partial_with_the_missing_items_named() {
        long meterId = meter(3);
        Instant readAt = clock.instant();
        engine.restoreHealth(List.of(new MeterHealth(meterId, readAt, readAt, 0, null,
                Set.of(ReadingItem.VOLTAGE_B, ReadingItem.CURRENT_C), Set.of(ReadingItem.REVERSE_ENERGY))));

        navigateTo("meters/" + meterId + "/live");

        Span coverage = span(MeterLiveView.COVERAGE_ID);
        assertThat(coverage.getText()).isEqualTo("Partly read: missing Voltage phase B (V), Current phase C (A)");
        assertThat(coverage.getElement().getThemeList()).contains("badge", "error");
        Span unsupported = span(MeterLiveView.UNSUPPORTED_ID);
        assertThat(unsupported.isVisible()).isTrue();
        assertThat(unsupported.getText())
                .isEqualTo("Not offered by the meter (recorded, checked again daily): Reverse active energy (kWh)");
    }

    @Test
    void a_meter_that_only_lacks_items_it_does_not_offer_is_complete_with_those_items_listed_apart() {
        long meterId = meter(4);
        Instant readAt = clock.instant();
        engine.restoreHealth(List.of(new MeterHealth(meterId, readAt, readAt, 0, null, Set.of(),
                Set.of(ReadingItem.VOLTAGE_B))));

        navigateTo("meters/" + meterId + "/live");

        Span coverage = span(MeterLiveView.COVERAGE_ID);
        assertThat(coverage.getText()).isEqualTo("Every item of the last reading stored");
        assertThat(coverage.getElement().getThemeList()).contains("success").doesNotContain("error");
        assertThat(span(MeterLiveView.UNSUPPORTED_ID).getText()).endsWith(": Voltage phase B (V)");
    }

    private static Span span(String id) {
        return _get(Span.class, spec -> spec.withId(id));
    }
}
