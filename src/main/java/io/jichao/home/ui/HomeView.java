package io.jichao.home.ui;

import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import io.jichao.alarm.AlarmService;
import io.jichao.alarm.Severity;
import io.jichao.archive.ArchiveOverview;
import io.jichao.archive.ArchiveOverview.Counts;
import io.jichao.archive.BillingMode;
import io.jichao.shared.ui.HasPageTitleKey;

/** The overview after login: real counts from the archive and the active alarms, inside the operator's district. */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String TILE_PREFIX = "home-tile-";

    public HomeView(ArchiveOverview overview, AlarmService alarms) {
        Counts counts = overview.counts();
        Map<Severity, Long> active = alarms.activeCounts();
        FlexLayout tiles = new FlexLayout();
        tiles.addClassName("jichao-tiles");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.add(tile("buildings", counts.buildings()),
                tile("collectors", counts.collectors()),
                tile("meters.active", counts.activeMeters()),
                tile("meters.prepaid", counts.activeByBillingMode().get(BillingMode.PREPAID)),
                tile("meters.postpaid", counts.activeByBillingMode().get(BillingMode.POSTPAID)),
                tile("meters.removed", counts.removedMeters()),
                tile("households", counts.households()),
                tile("alarms.active", active.values().stream().mapToLong(Long::longValue).sum()),
                tile("alarms.faults", active.getOrDefault(Severity.FAULT, 0L)));
        add(tiles);
    }

    private Div tile(String key, long value) {
        Span number = new Span(String.format(Locale.ROOT, "%,d", value));
        number.addClassName("jichao-tile-value");
        Span label = new Span(getTranslation("home." + key));
        label.addClassName("jichao-tile-label");
        Div tile = new Div(number, label);
        tile.setId(TILE_PREFIX + key.replace('.', '-'));
        tile.addClassName("jichao-tile");
        return tile;
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
