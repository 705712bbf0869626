package io.jichao.admin.ui;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import com.vaadin.flow.component.grid.Grid;

import io.jichao.archive.CollectorViews.PortView;
import io.jichao.collection.EngineStatus.PortStatus;

/**
 * The traffic of each port since the engine started, one column per outcome: exchanges sent,
 * answered, refused (abnormal answer), attempts timed out, corrupt frames, and exchanges not sent
 * because the link was down (those never reached the bus, so they are not counted as sent). Blank
 * while the engine of this process reports nothing for the port.
 */
final class PortTrafficColumns {

    private PortTrafficColumns() {
    }

    static void addTo(Grid<PortView> grid, Function<PortView, Optional<PortStatus>> status) {
        add(grid, status, "sent", PortStatus::sent);
        add(grid, status, "answered", PortStatus::answers);
        add(grid, status, "refused", PortStatus::refused);
        add(grid, status, "timed-out", PortStatus::timeouts);
        add(grid, status, "corrupt", PortStatus::corruptFrames);
        add(grid, status, "not-sent", PortStatus::notSent);
    }

    /** Column key {@code traffic-<key>}, header from {@code port.traffic.<key>}. */
    private static void add(Grid<PortView> grid, Function<PortView, Optional<PortStatus>> status, String key,
                            ToLongFunction<PortStatus> counter) {
        grid.addColumn(port -> status.apply(port).map(s -> Long.toString(counter.applyAsLong(s))).orElse(""))
                .setHeader(grid.getTranslation("port.traffic." + key)).setKey("traffic-" + key)
                .setAutoWidth(true);
    }
}
