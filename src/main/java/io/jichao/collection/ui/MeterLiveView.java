package io.jichao.collection.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import io.jichao.archive.MeterName;
import io.jichao.archive.MeterService;
import io.jichao.collection.ItemValue;
import io.jichao.collection.MeterDayHistory;
import io.jichao.collection.MeterHealth;
import io.jichao.collection.MeterHistoryService;
import io.jichao.collection.MeterReadEvents;
import io.jichao.collection.MeterReadResult;
import io.jichao.collection.MeterReadingService;
import io.jichao.collection.ReadingFormat;
import io.jichao.collection.StoredReading;
import io.jichao.collection.control.OverloadService;
import io.jichao.collection.control.RelayControlService;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.BackgroundAction;
import io.jichao.shared.ui.EChart;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * One meter's latest stored values and reading health, with "read now" (R1, R6), its live curves of
 * voltage, current and power pushed as readings come in (R8), and the hourly energy and power of a
 * chosen day (R12). Reached from the meter grid by URL ({@code meters/<id>/live}), so the archive's
 * views need no code of this feature. The services decide access: a meter outside the district is
 * "not found". Operators with DEVICE_CONTROL also get relay commands with read-back and the meter's
 * overload parameters. The page is titled with the meter's name (building, room, address). "Read now"
 * waits on the bus, so it runs in the background ({@link BackgroundAction}) and its result is pushed.
 */
@Route("meters/:id/live")
@PermitAll
public class MeterLiveView extends VerticalLayout implements BeforeEnterObserver, HasPageTitleKey, HasDynamicTitle {

    public static final String READ_NOW_ID = "meter-read-now";
    public static final String VALUES_ID = "meter-live-values";
    public static final String HEALTH_ID = "meter-live-health";
    public static final String COVERAGE_ID = "meter-live-coverage";
    public static final String UNSUPPORTED_ID = "meter-live-unsupported";
    public static final String TITLE_ID = "meter-live-title";
    public static final String READ_PROGRESS_ID = "meter-read-progress";
    public static final String HISTORY_DAY_ID = "meter-history-day";
    public static final String HISTORY_CHART_ID = "meter-history-chart";
    public static final String LIVE_CHART_ID = LiveCurves.CHART_ID;
    public static final String FOLLOW_ID = LiveCurves.FOLLOW_ID;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final MeterReadingService readings;
    private final MeterHistoryService history;
    private final MeterService meters;
    private final BackgroundAction<ReadNow> reading;
    private final DatePicker historyDay = new DatePicker();
    private final EChart historyChart = new EChart();
    private final LiveCurves liveCurves;
    private final RelayPanel relayPanel;
    private final OverloadPanel overloadPanel;
    private final boolean control;
    private final H3 title = new H3();
    private final Span health = new Span();
    private final Span coverage = new Span();
    private final Span unsupported = new Span();
    private final Grid<Row> values = new Grid<>();
    private long meterId;
    private MeterName name;

    /** What a "read now" brings back: the read and the health after it. */
    private record ReadNow(MeterReadResult result, MeterHealth health) {
    }

    /** One line of the table: item, value and when it was read. */
    record Row(String item, String value, String readAt) {
    }

    public MeterLiveView(MeterReadingService readings, MeterHistoryService history, MeterReadEvents readEvents,
                         RelayControlService relays, OverloadService overloads, MeterService meters, Clock clock) {
        this.readings = readings;
        this.meters = meters;
        this.relayPanel = new RelayPanel(relays);
        this.overloadPanel = new OverloadPanel(overloads);
        this.control = relays.canControl();
        this.history = history;
        this.liveCurves = new LiveCurves(history, readEvents, readings);
        Button readNow = new Button(getTranslation("collection.read.now"), VaadinIcon.REFRESH.create());
        readNow.setId(READ_NOW_ID);
        readNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // The browser disables it at once, so a double click sends one read; the action enables it again.
        readNow.setDisableOnClick(true);
        reading = new BackgroundAction<ReadNow>(this, this::showRead).controls(readNow);
        reading.indicator().setId(READ_PROGRESS_ID);
        readNow.addClickListener(click -> readNow());
        HorizontalLayout readBar = new HorizontalLayout(readNow, reading.indicator());
        readBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        title.setId(TITLE_ID);
        health.setId(HEALTH_ID);
        coverage.setId(COVERAGE_ID);
        unsupported.setId(UNSUPPORTED_ID);
        values.setId(VALUES_ID);
        values.addColumn(Row::item).setHeader(getTranslation("collection.item"));
        values.addColumn(Row::value).setHeader(getTranslation("collection.value"));
        values.addColumn(Row::readAt).setHeader(getTranslation("collection.read.at"));
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
        historyDay.setId(HISTORY_DAY_ID);
        historyDay.setLabel(getTranslation("collection.history.day"));
        historyDay.setMax(today);
        historyDay.setValue(today);
        historyDay.addValueChangeListener(event -> showHistory());
        historyChart.setId(HISTORY_CHART_ID);
        add(title, readBar, health, coverage, unsupported, values, liveCurves, new H4(getTranslation("collection.history.title")), historyDay,
                historyChart);
        if (control) {
            add(new H4(getTranslation("control.title")), relayPanel, overloadPanel);
        }
    }

    /** Hourly energy and power of the chosen day (R12), for disputes. */
    private void showHistory() {
        if (historyDay.getValue() == null) {
            return;
        }
        MeterDayHistory day = history.day(meterId, historyDay.getValue());
        historyChart.setOption(DayHistoryChart.option(day, new DayHistoryChart.Labels(
                getTranslation("collection.history.energy"), getTranslation("collection.history.power.average"),
                getTranslation("collection.history.power.maximum"), "kWh", "kW")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            meterId = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            showStored();
            liveCurves.show(meterId);
            showHistory();
            if (control) {
                relayPanel.show(meterId);
                overloadPanel.show(meterId);
            }
        } catch (NumberFormatException | DomainException notFound) {
            event.forwardTo("meters");
        }
    }

    private void showStored() {
        name = meters.name(meterId);
        title.setText(getTranslation("collection.live.heading", name.text()));
        List<StoredReading> latest = readings.latest(meterId);
        values.setItems(latest.stream().map(r -> new Row(itemLabel(r.item().name()), ReadingFormat.format(r),
                TIME.format(r.readAt()))).toList());
        showHealth(readings.health(meterId));
    }

    private void readNow() {
        long meter = meterId;
        reading.run(() -> {
            MeterReadResult result = readings.readNow(meter);
            return new ReadNow(result, readings.health(meter));
        });
    }

    private void showRead(ReadNow read) {
        MeterReadResult result = read.result();
        if (result.meterId() != meterId) {
            return; // the page moved on to another meter meanwhile
        }
        values.setItems(result.values().stream().map(v -> row(v, result)).toList());
        showHealth(read.health());
        if (result.succeeded()) {
            Notifications.success("collection.read.done");
        } else {
            Notifications.error(new DomainException("collection.read.failed", result.failure().orElseThrow()));
        }
    }

    /** The "read now" in flight, if any (tests wait on it). */
    BackgroundAction<?> reading() {
        return reading;
    }

    private Row row(ItemValue value, MeterReadResult result) {
        return new Row(itemLabel(value.item().name()), ReadingFormat.format(value), TIME.format(result.readAt()));
    }

    private String itemLabel(String item) {
        return getTranslation("reading.item." + item);
    }

    private void showHealth(MeterHealth meterHealth) {
        health.setText(getTranslation("collection.health",
                meterHealth.lastSuccessAt() == null ? "-" : TIME.format(meterHealth.lastSuccessAt()),
                meterHealth.consecutiveFailures()));
        // Item coverage of the last read: missing items make it PARTIAL; refused ones are listed apart.
        coverage.setVisible(meterHealth.lastAttemptAt() != null && meterHealth.consecutiveFailures() == 0);
        coverage.setText(meterHealth.missing().isEmpty() ? getTranslation("coverage.meter.complete")
                : getTranslation("coverage.meter.partial", ReadingItemNames.join(this, meterHealth.missing())));
        coverage.getElement().getThemeList().set("badge", true);
        coverage.getElement().getThemeList().set("error", meterHealth.partial());
        coverage.getElement().getThemeList().set("success", !meterHealth.partial());
        unsupported.setVisible(!meterHealth.unsupported().isEmpty());
        unsupported.setText(getTranslation("coverage.meter.unsupported",
                ReadingItemNames.join(this, meterHealth.unsupported())));
    }

    /** Whether "follow live" is reading the meter now. */
    boolean isFollowing() {
        return liveCurves.isFollowing();
    }

    @Override
    public String pageTitleKey() {
        return "collection.live.page";
    }

    @Override
    public String getPageTitle() {
        return name == null ? getTranslation(pageTitleKey())
                : getTranslation("collection.live.page.meter", name.text());
    }
}
