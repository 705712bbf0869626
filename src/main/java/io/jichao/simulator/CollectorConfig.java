package io.jichao.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One DH600 collector.
 *
 * @param listenHost SERVER mode: the address its ports listen on
 * @param dialIn     CLIENT mode: where it dials in; {@code null} in SERVER mode
 */
public record CollectorConfig(String id, Dh600Model model, CollectorMode mode, String listenHost,
                              DialInConfig dialIn, List<PortConfig> ports) {

    public static final String DEFAULT_LISTEN_HOST = "127.0.0.1";

    public CollectorConfig {
        if (id == null || id.isBlank() || model == null || mode == null) {
            throw new IllegalArgumentException("a collector needs an id, a model and a mode");
        }
        if (mode == CollectorMode.SERVER && (listenHost == null || listenHost.isBlank())) {
            throw new IllegalArgumentException("collector " + id + ": SERVER mode needs a listenHost");
        }
        if (mode == CollectorMode.CLIENT && dialIn == null) {
            throw new IllegalArgumentException("collector " + id + ": CLIENT mode needs dialIn settings");
        }
        ports = List.copyOf(ports);
        Set<Integer> numbers = new HashSet<>();
        for (PortConfig port : ports) {
            if (port.number() > model.portCount()) {
                throw new IllegalArgumentException("collector " + id + ": " + model + " has no port " + port.number());
            }
            if (!numbers.add(port.number())) {
                throw new IllegalArgumentException("collector " + id + ": port " + port.number() + " twice");
            }
        }
    }

    public static CollectorConfig server(String id, Dh600Model model, List<PortConfig> ports) {
        return new CollectorConfig(id, model, CollectorMode.SERVER, DEFAULT_LISTEN_HOST, null, ports);
    }

    public static CollectorConfig client(String id, Dh600Model model, DialInConfig dialIn, List<PortConfig> ports) {
        return new CollectorConfig(id, model, CollectorMode.CLIENT, null, dialIn, ports);
    }
}
