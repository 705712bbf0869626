package io.jichao.collection.ui;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import io.jichao.collection.MeterSample;
import io.jichao.collection.ReadingItem;
import io.jichao.shared.TimeConfiguration;

/**
 * The ECharts option of a meter's live curves: phase voltages on the left axis (V), phase currents
 * and active power on the right one (A, kW), over a time axis. Times go out as Asia/Shanghai wall
 * clock without zone, so the browser shows China time whatever its own zone. Only items the meter
 * gave get a line: a single-phase meter shows A phase and power, not empty B and C lines.
 */
final class LiveCurvesChart {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private LiveCurvesChart() {
    }

    /** Translated texts from the view: a legend name per item, and the two axis names. */
    record Labels(Function<ReadingItem, String> item, String voltageAxis, String currentPowerAxis) {
    }

    static String option(Collection<MeterSample> samples, Labels labels) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (ReadingItem item : MeterSample.ITEMS) {
            List<List<Object>> points = new ArrayList<>();
            for (MeterSample sample : samples) {
                BigDecimal value = sample.values().get(item);
                if (value != null) {
                    points.add(List.of(TIME.format(sample.readAt()), value));
                }
            }
            if (!points.isEmpty()) {
                series.add(series(labels.item().apply(item), isVoltage(item) ? 0 : 1, points));
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        // ECharts 6 puts the legend at the bottom by default, over the time labels.
        option.put("legend", Map.of("top", 0, "data", series.stream().map(s -> s.get("name")).toList()));
        option.put("grid", Map.of("left", 60, "right", 60, "top", 50, "bottom", 30));
        option.put("xAxis", Map.of("type", "time"));
        option.put("yAxis", List.of(Map.of("type", "value", "name", labels.voltageAxis(), "scale", true),
                Map.of("type", "value", "name", labels.currentPowerAxis(), "scale", true)));
        option.put("series", series);
        return JSON.writeValueAsString(option);
    }

    private static boolean isVoltage(ReadingItem item) {
        return item == ReadingItem.VOLTAGE_A || item == ReadingItem.VOLTAGE_B || item == ReadingItem.VOLTAGE_C;
    }

    private static Map<String, Object> series(String name, int axis, List<List<Object>> points) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", "line");
        series.put("yAxisIndex", axis);
        series.put("showSymbol", points.size() < 2);
        series.put("data", points);
        return series;
    }
}
