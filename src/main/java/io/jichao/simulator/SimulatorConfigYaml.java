package io.jichao.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a {@link SimulatorConfig} from YAML (format in the package documentation). Mapping is
 * done by hand rather than by a binder so that every missing or wrong value is reported with its
 * path, e.g. {@code simulator.collectors[0].ports[1].baud}, and defaults stay in one place.
 */
public final class SimulatorConfigYaml {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private SimulatorConfigYaml() {
    }

    public static SimulatorConfig load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static SimulatorConfig parse(String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Node root = new Node("", document).child("simulator");
        List<CollectorConfig> collectors = root.list("collectors", SimulatorConfigYaml::collector);
        return new SimulatorConfig(root.decimal("timeScale", BigDecimal.ONE).doubleValue(),
                root.decimal("seed", BigDecimal.ZERO).longValueExact(),
                ZoneId.of(root.text("zone", SimulatorConfig.DEFAULT_ZONE.getId())), collectors);
    }

    private static CollectorConfig collector(Node node, Integer index) {
        CollectorMode mode = node.enumValue("mode", CollectorMode.class, CollectorMode.SERVER);
        DialInConfig dialIn = mode == CollectorMode.CLIENT ? dialIn(node.child("dialIn")) : null;
        return node.build(() -> new CollectorConfig(node.text("id", null),
                node.enumValue("model", Dh600Model.class, null), mode,
                mode == CollectorMode.SERVER ? node.text("listenHost", CollectorConfig.DEFAULT_LISTEN_HOST) : null,
                dialIn, node.list("ports", SimulatorConfigYaml::port)));
    }

    private static DialInConfig dialIn(Node dial) {
        return dial.build(() -> new DialInConfig(dial.text("host", null), dial.integer("port", null),
                    dial.text("registration", null), dial.text("heartbeat", "HB"),
                    dial.duration("heartbeatInterval", DialInConfig.DEFAULT_HEARTBEAT_INTERVAL)));
    }

    private static PortConfig port(Node node, Integer index) {
        BusProtocol protocol = node.enumValue("protocol", BusProtocol.class, BusProtocol.DLT645_2007);
        PortConfig usual = PortConfig.of(1, protocol, List.of());
        return node.build(() -> new PortConfig(node.integer("number", index + 1), node.integer("tcpPort", 0),
                node.integer("baud", usual.baud()), node.enumValue("parity", SerialParity.class, usual.parity()),
                protocol, node.duration("responseDelay", PortConfig.DEFAULT_RESPONSE_DELAY),
                node.list("meters", SimulatorConfigYaml::meter)));
    }

    private static MeterConfig meter(Node node, Integer index) {
        MeterConfig defaults = MeterConfig.of("000000000001");
        return node.build(() -> new MeterConfig(node.text("address", null),
                node.enumValue("phase", MeterPhase.class, defaults.phase()),
                node.enumValue("loadProfile", LoadProfile.class, defaults.loadProfile()),
                node.decimal("baseLoadKw", defaults.baseLoadKw()), node.decimal("peakLoadKw", defaults.peakLoadKw()),
                node.decimal("loadNoise", BigDecimal.valueOf(defaults.loadNoise())).doubleValue(),
                node.decimal("initialEnergyKwh", defaults.initialEnergyKwh()),
                node.decimal("remainingKwh", null),
                node.decimal("maxPowerKw", defaults.maxPowerKw()),
                node.decimal("suddenPowerKw", defaults.suddenPowerKw()),
                node.decimal("reverseShare", BigDecimal.ZERO).doubleValue(),
                node.text("password", MeterConfig.DEFAULT_PASSWORD)));
    }

    static Duration parseDuration(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("pt")) {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        }
        Matcher matcher = DURATION.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration (e.g. 50ms, 30s, 3m, 1h, PT30S): " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** A value in the YAML tree with its path, for error messages. */
    private record Node(String path, Object value) {

        Node child(String key) {
            Object child = map().get(key);
            if (child == null) {
                throw new IllegalArgumentException(where(key) + " is missing");
            }
            return new Node(where(key), child);
        }

        <T> List<T> list(String key, BiFunction<Node, Integer, T> mapper) {
            Object raw = map().get(key);
            if (raw == null) {
                return List.of();
            }
            if (!(raw instanceof List<?> items)) {
                throw new IllegalArgumentException(where(key) + " must be a list");
            }
            List<T> result = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                result.add(mapper.apply(new Node(where(key) + "[" + i + "]", items.get(i)), i));
            }
            return result;
        }

        String text(String key, String fallback) {
            Object raw = map().get(key);
            if (raw == null) {
                return required(key, fallback);
            }
            if (key.equals("address") && !(raw instanceof String)) {
                throw new IllegalArgumentException(where(key) + " must be quoted (\"000000000001\"): YAML reads"
                        + " unquoted digits as a number and drops the leading zeros");
            }
            return raw.toString();
        }

        int integer(String key, Integer fallback) {
            Object raw = map().get(key);
            if (raw == null) {
                return required(key, fallback);
            }
            try {
                return Integer.parseInt(raw.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where(key) + " must be a whole number: " + raw);
            }
        }

        BigDecimal decimal(String key, BigDecimal fallback) {
            Object raw = map().get(key);
            if (raw == null) {
                return fallback;
            }
            try {
                return new BigDecimal(raw.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where(key) + " must be a number: " + raw);
            }
        }

        Duration duration(String key, Duration fallback) {
            Object raw = map().get(key);
            if (raw == null) {
                return fallback;
            }
            try {
                return raw instanceof Number millis ? Duration.ofMillis(millis.longValue()) : parseDuration(raw.toString());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where(key) + ": " + e.getMessage(), e);
            }
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
            Object raw = map().get(key);
            if (raw == null) {
                return required(key, fallback);
            }
            try {
                return Enum.valueOf(type, raw.toString().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where(key) + " must be one of "
                        + java.util.Arrays.toString(type.getEnumConstants()) + ": " + raw);
            }
        }

        /** Runs a record constructor, prefixing its validation message with this node's path. */
        <T> T build(java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("simulator")) {
                    throw e;
                }
                throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
            }
        }

        private <T> T required(String key, T fallback) {
            if (fallback == null) {
                throw new IllegalArgumentException(where(key) + " is missing");
            }
            return fallback;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> map() {
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException((path.isEmpty() ? "the document" : path) + " must be a mapping");
            }
            return (Map<String, Object>) map;
        }

        private String where(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }
}
