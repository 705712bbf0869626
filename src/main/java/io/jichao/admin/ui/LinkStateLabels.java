package io.jichao.admin.ui;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;

import io.jichao.collection.LinkState;
import io.jichao.collection.PortLinkState;
import io.jichao.shared.TimeConfiguration;

/**
 * The words for a port's or a collector's live connection state on the collectors page: blank
 * when the engine of this process does not serve the collector (it may run on another node).
 */
final class LinkStateLabels {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private LinkStateLabels() {
    }

    static String port(Component view, Optional<PortLinkState> state) {
        return state.map(s -> view.getTranslation("link.state." + s.state().name(), SINCE.format(s.since())))
                .orElse("");
    }

    /**
     * One state when all ports share it (the latest "since"), "connecting" when any port is being
     * reopened, otherwise how many ports are connected.
     */
    static String collector(Component view, List<PortLinkState> states) {
        if (states.isEmpty()) {
            return "";
        }
        long connected = states.stream().filter(s -> s.state() == LinkState.CONNECTED).count();
        boolean connecting = states.stream().anyMatch(s -> s.state() == LinkState.CONNECTING);
        LinkState first = states.getFirst().state();
        if (states.stream().allMatch(s -> s.state() == first)) {
            return port(view, states.stream().max(Comparator.comparing(PortLinkState::since)));
        }
        if (connecting) {
            return port(view, states.stream().filter(s -> s.state() == LinkState.CONNECTING).findFirst());
        }
        return view.getTranslation("link.state.partial", connected, states.size());
    }
}
