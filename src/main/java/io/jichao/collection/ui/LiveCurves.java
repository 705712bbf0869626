package io.jichao.collection.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.jichao.collection.MeterHistoryService;
import io.jichao.collection.MeterReadEvents;
import io.jichao.collection.MeterReadResult;
import io.jichao.collection.MeterReadingService;
import io.jichao.collection.MeterSample;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.EChart;
import io.jichao.shared.ui.Notifications;

/**
 * A meter's live curves of voltage, current and power (R8): the stored values of the last hours,
 * then every new read of the meter (cycle, "read now", "follow live") pushed as it is taken. It
 * listens only while attached; results arrive on the reading threads and reach the chart through
 * {@link UI#access}. At most {@link MeterHistoryService#MAX_SAMPLES} points are kept.
 */
class LiveCurves extends VerticalLayout {

    static final String CHART_ID = "meter-live-chart";
    static final String FOLLOW_ID = "meter-live-follow";

    private final MeterHistoryService history;
    private final MeterReadEvents readEvents;
    private final MeterReadingService readings;
    private final EChart chart = new EChart();
    private final Checkbox follow = new Checkbox();
    private final Deque<MeterSample> samples = new ArrayDeque<>();
    private MeterReadEvents.Subscription subscription;
    private MeterReadEvents.Subscription following;
    private Long meterId;

    LiveCurves(MeterHistoryService history, MeterReadEvents readEvents, MeterReadingService readings) {
        this.history = history;
        this.readEvents = readEvents;
        this.readings = readings;
        setPadding(false);
        chart.setId(CHART_ID);
        follow.setId(FOLLOW_ID);
        follow.setLabel(getTranslation("collection.live.follow", MeterReadingService.FOLLOW_INTERVAL.toSeconds()));
        follow.addValueChangeListener(event -> {
            if (event.getValue()) {
                startFollowing();
            } else {
                stopFollowing();
            }
        });
        add(new H4(getTranslation("collection.live.curves")), follow, chart);
    }

    /** Shows another meter (the route may be reused for the next one): stored samples, new listener. */
    void show(long meterId) {
        follow.setValue(false);
        this.meterId = meterId;
        samples.clear();
        samples.addAll(history.recentSamples(meterId));
        render();
        getUI().ifPresent(this::listen);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (meterId != null) {
            listen(event.getUI());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        follow.setValue(false);
        unlisten();
        super.onDetach(event);
    }

    private void listen(UI ui) {
        unlisten();
        subscription = readEvents.subscribe(meterId, result -> ui.access(() -> append(result)));
    }

    private void unlisten() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void startFollowing() {
        UI ui = UI.getCurrent();
        try {
            following = readings.follow(meterId, refused -> ui.access(() -> {
                Notifications.error(refused);
                follow.setValue(false);
            }));
        } catch (DomainException e) {
            Notifications.error(e);
            follow.setValue(false);
        }
    }

    private void stopFollowing() {
        if (following != null) {
            following.close();
            following = null;
        }
    }

    boolean isFollowing() {
        return following != null;
    }

    private void append(MeterReadResult result) {
        MeterSample sample = MeterSample.of(result);
        if (sample.isEmpty()) {
            return;
        }
        samples.addLast(sample);
        while (samples.size() > MeterHistoryService.MAX_SAMPLES) {
            samples.removeFirst();
        }
        render();
    }

    private void render() {
        chart.setOption(LiveCurvesChart.option(List.copyOf(samples), new LiveCurvesChart.Labels(
                item -> getTranslation("reading.item." + item.name()), getTranslation("collection.live.axis.voltage"),
                getTranslation("collection.live.axis.current.power"))));
    }
}
