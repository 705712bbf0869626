package io.jichao.home.ui;

import java.util.Locale;

import com.vaadin.flow.component.orderedlayout.FlexLayout;

import io.jichao.alarm.Severity;
import io.jichao.alarm.ui.AlarmsView;
import io.jichao.collection.ui.CollectionSchedulesView;
import io.jichao.home.HomeSnapshot;
import io.jichao.home.HomeSnapshot.EngineFigures;
import io.jichao.home.HomeSnapshot.ScheduleRun;
import io.jichao.report.ui.LowRemainingView;

/**
 * The figures a manager acts on: reading success, schedules, collectors and ports, alarms by
 * severity, low and zero remaining energy, recharge orders still under way. Rebuilt from each
 * snapshot; a part the snapshot lacks (the role does not cover it) gets no tile.
 */
final class OperationsTiles extends FlexLayout {

    OperationsTiles() {
        setId(HomeView.OPERATIONS_ID);
        addClassName("jichao-tiles");
        setFlexWrap(FlexWrap.WRAP);
    }

    void show(HomeSnapshot snapshot) {
        removeAll();
        readingToday(snapshot);
        if (snapshot.schedules() != null) {
            snapshot.schedules().forEach(this::schedule);
        }
        if (snapshot.engine() != null) {
            engine(snapshot.engine());
        }
        add(tile("alarms.severity.fault", count(snapshot.activeAlarms().getOrDefault(Severity.FAULT, 0L)))
                        .link(getTranslation("home.link.alarms"), AlarmsView.class),
                tile("alarms.severity.alarm", count(snapshot.activeAlarms().getOrDefault(Severity.ALARM, 0L)))
                        .link(getTranslation("home.link.alarms"), AlarmsView.class),
                tile("remaining.low", count(snapshot.lowRemaining()))
                        .link(getTranslation("home.link.low.remaining"), LowRemainingView.class),
                tile("remaining.zero", count(snapshot.zeroRemaining()))
                        .link(getTranslation("home.link.low.remaining"), LowRemainingView.class));
        if (snapshot.orders() != null) {
            add(tile("orders.waiting", count(snapshot.orders().waiting())),
                    tile("orders.failed", count(snapshot.orders().failed())));
        }
    }

    private void readingToday(HomeSnapshot snapshot) {
        var reading = snapshot.readingToday();
        HomeTile tile = tile("reading.today", percent(reading.percent()));
        tile.note(getTranslation("home.reading.unread.of", reading.unread(), reading.meters()));
        HomeTile unread = tile("reading.unread", count(reading.unread()));
        if (snapshot.schedules() != null) {
            tile.link(getTranslation("home.link.schedules"), CollectionSchedulesView.class);
            unread.link(getTranslation("home.link.unread"), CollectionSchedulesView.class);
        }
        add(tile, unread);
    }

    private void schedule(ScheduleRun run) {
        HomeTile tile = new HomeTile("schedule-" + run.scheduleId())
                .show(percent(run.percent()), getTranslation("home.schedule.last", run.name()));
        if (run.finishedAt() == null) {
            tile.note(getTranslation("home.schedule.never"));
        } else {
            tile.note(getTranslation("home.schedule.failed", run.failed()));
        }
        add(tile.link(getTranslation("home.link.unread"), CollectionSchedulesView.class));
    }

    private void engine(EngineFigures engine) {
        if (!engine.running()) {
            add(new HomeTile("engine").show(getTranslation("home.engine.off"), getTranslation("home.collectors.online"))
                    .note(getTranslation("home.engine.none")));
            return;
        }
        add(tile("collectors.online", engine.collectorsOnline() + " / " + engine.collectors()),
                tile("ports.online", engine.portsConnected() + " / " + engine.ports()));
    }

    private HomeTile tile(String key, String value) {
        return new HomeTile(key.replace('.', '-')).show(value, getTranslation("home." + key));
    }

    private String percent(Integer percent) {
        return percent == null ? getTranslation("home.percent.none") : percent + "%";
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
