package io.jichao.home.ui;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import io.jichao.alarm.Severity;
import io.jichao.archive.ArchiveOverview.Counts;
import io.jichao.archive.BillingMode;
import io.jichao.home.HomeEvents;
import io.jichao.home.HomeFigures;
import io.jichao.home.HomeSnapshot;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * The operations home after login (R23), per role and district: the archive's counts, then what a
 * manager acts on ({@link OperationsTiles}), the alarms of the last week ({@link AlarmTrendChart})
 * and, for finance and clerks, sales per property office ({@link SalesPanel}). The figures load
 * off the UI thread when the page opens and again, by server push, whenever {@link HomeEvents}
 * reports a change; there is no polling.
 */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String TILE_PREFIX = "home-tile-";
    public static final String OPERATIONS_ID = "home-operations";
    public static final String ALARM_TREND_ID = "home-alarm-trend";
    public static final String SALES_ID = "home-sales";

    private final HomeEvents events;
    private final FlexLayout archiveTiles = new FlexLayout();
    private final Map<String, HomeTile> counters = new HashMap<>();
    private final OperationsTiles operations = new OperationsTiles();
    private final AlarmTrendChart trend = new AlarmTrendChart();
    private final SalesPanel sales = new SalesPanel();
    private final HomeLoader<HomeSnapshot> loader;
    private HomeEvents.Subscription subscription;

    public HomeView(HomeFigures figures, HomeEvents events) {
        this.events = events;
        this.loader = new HomeLoader<>(figures::load, this::show,
                () -> Notifications.error(new DomainException("home.load.failed")));
        archiveTiles.addClassName("jichao-tiles");
        archiveTiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        for (String key : new String[] {"buildings", "collectors", "meters.active", "meters.prepaid",
                "meters.postpaid", "meters.removed", "households", "alarms.active", "alarms.faults"}) {
            HomeTile tile = new HomeTile(key.replace('.', '-')).show("", getTranslation("home." + key));
            counters.put(key.replace('.', '-'), tile);
            archiveTiles.add(tile);
        }
        sales.setVisible(false);
        add(archiveTiles, operations, trend, sales);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // Loads run on other threads, and change events arrive on threads without an operator.
        SecurityContext operator = SecurityContextHolder.createEmptyContext();
        operator.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        loader.attach(attachEvent.getUI(), operator);
        subscription = events.subscribe(loader::refresh);
        loader.refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        loader.detach();
        super.onDetach(detachEvent);
    }

    /** The load started when the page opened or last changed (tests wait on it, then run the push queue). */
    CompletableFuture<Void> loading() {
        return loader.current();
    }

    private void show(HomeSnapshot snapshot) {
        Counts counts = snapshot.counts();
        Map<Severity, Long> active = snapshot.activeAlarms();
        value("buildings", counts.buildings());
        value("collectors", counts.collectors());
        value("meters-active", counts.activeMeters());
        value("meters-prepaid", counts.activeByBillingMode().get(BillingMode.PREPAID));
        value("meters-postpaid", counts.activeByBillingMode().get(BillingMode.POSTPAID));
        value("meters-removed", counts.removedMeters());
        value("households", counts.households());
        value("alarms-active", snapshot.activeAlarmTotal());
        value("alarms-faults", active.getOrDefault(Severity.FAULT, 0L));
        operations.show(snapshot);
        trend.show(snapshot.alarmTrend(), getTranslation("home.alarms.trend", HomeFigures.TREND_DAYS),
                getTranslation("home.severity.alarm"), getTranslation("home.severity.fault"));
        sales.setVisible(snapshot.sales() != null);
        if (snapshot.sales() != null) {
            sales.show(snapshot.sales());
        }
    }

    private void value(String tile, Long value) {
        counters.get(tile).value(String.format(Locale.ROOT, "%,d", value == null ? 0L : value));
    }

    @Override
    public String pageTitleKey() {
        return "nav.home";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
