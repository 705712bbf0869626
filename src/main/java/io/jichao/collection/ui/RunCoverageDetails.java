package io.jichao.collection.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import io.jichao.collection.CollectionSchedule;
import io.jichao.collection.CollectionScheduleService.ScheduleListing;
import io.jichao.collection.CycleCoverage;
import io.jichao.collection.CycleProgress;
import io.jichao.shared.TimeConfiguration;

/**
 * A schedule's last run as the schedules page shows it: the one-line summary for the grid
 * (complete out of every meter it should have read, including those it did not include, so a
 * rate over a subset never looks complete) and, for the selected schedule, the meters read only
 * partly with the missing items, the meters not reached and the meters not included.
 */
final class RunCoverageDetails extends Div {

    static final String ID = "schedules-last-run-details";
    static final String PARTIAL_ID = "schedules-last-run-partial";
    static final String UNREACHED_ID = "schedules-last-run-unreached";
    static final String NOT_INCLUDED_ID = "schedules-last-run-not-included";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfiguration.DISPLAY_ZONE);
    private static final String MORE = " …";

    RunCoverageDetails() {
        setId(ID);
    }

    String summary(ScheduleListing listing) {
        CycleProgress progress = listing.progress();
        if (progress != null) {
            return getTranslation("schedules.progress", progress.done(), progress.total(), progress.failed());
        }
        CollectionSchedule.LastRun run = listing.schedule().lastRun();
        if (run == null) {
            return getTranslation("schedules.last.run.never");
        }
        if (run.running()) {
            return getTranslation("schedules.last.run.running", TIME.format(run.startedAt()));
        }
        CycleCoverage coverage = run.coverage();
        int succeeded = value(run.succeeded());
        return getTranslation("coverage.run.summary", TIME.format(run.startedAt()), succeeded - coverage.partial(),
                value(run.total()) + coverage.notIncluded(), coverage.partial(), value(run.failed()),
                coverage.notIncluded());
    }

    /** The selected schedule's last run in detail; nothing while none is selected or it never ran. */
    void show(Optional<ScheduleListing> selected) {
        removeAll();
        Optional<CollectionSchedule.LastRun> run = selected.map(l -> l.schedule().lastRun())
                .filter(last -> !last.running());
        if (run.isEmpty()) {
            return;
        }
        CycleCoverage coverage = run.get().coverage();
        if (coverage.partial() > 0) {
            add(line(PARTIAL_ID, getTranslation("coverage.run.partial",
                    addresses(coverage.partialMeters(), coverage.partial()),
                    ReadingItemNames.join(this, coverage.missingItems()))));
        }
        int failed = value(run.get().failed());
        if (failed > 0) {
            add(line(UNREACHED_ID, getTranslation("coverage.run.unreached",
                    addresses(coverage.unreachedMeters(), failed))));
        }
        if (coverage.notIncluded() > 0) {
            add(line(NOT_INCLUDED_ID, getTranslation("coverage.run.not.included",
                    addresses(coverage.notIncludedMeters(), coverage.notIncluded()))));
        }
        if (getChildren().findAny().isEmpty() && value(run.get().total()) > 0) {
            add(new Span(getTranslation("coverage.run.complete")));
        }
    }

    private static Span line(String id, String text) {
        Span span = new Span(text);
        span.setId(id);
        span.getStyle().set("display", "block");
        return span;
    }

    private static String addresses(List<String> listed, int count) {
        return String.join(", ", listed) + (count > listed.size() ? MORE : "");
    }

    private static int value(Integer count) {
        return count == null ? 0 : count;
    }
}
