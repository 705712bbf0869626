package io.jichao.collection.ui;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import io.jichao.collection.MeterDayHistory;

/**
 * The ECharts option of a meter's day: hourly energy as bars (left axis, kWh) and average and
 * maximum power as lines (right axis, kW). Missing hours stay empty (null), never zero.
 */
final class DayHistoryChart {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private DayHistoryChart() {
    }

    /** Labels come translated from the view: energy, average power, maximum power, kWh, kW. */
    record Labels(String energy, String averagePower, String maximumPower, String kwh, String kw) {
    }

    static String option(MeterDayHistory history, Labels labels) {
        List<String> hours = history.hours().stream().map(h -> HOUR.format(h.start())).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        // ECharts 6 puts the legend at the bottom by default, over the hour labels.
        option.put("legend", Map.of("top", 0, "data", List.of(labels.energy(), labels.averagePower(),
                labels.maximumPower())));
        option.put("grid", Map.of("left", 50, "right", 50, "top", 50, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", hours));
        option.put("yAxis", List.of(Map.of("type", "value", "name", labels.kwh()),
                Map.of("type", "value", "name", labels.kw())));
        option.put("series", List.of(
                series(labels.energy(), "bar", 0, values(history, MeterDayHistory.Hour::energyKwh)),
                series(labels.averagePower(), "line", 1, values(history, MeterDayHistory.Hour::averageKw)),
                series(labels.maximumPower(), "line", 1, values(history, MeterDayHistory.Hour::maximumKw))));
        return JSON.writeValueAsString(option);
    }

    private static Map<String, Object> series(String name, String type, int axis, List<BigDecimal> data) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", type);
        series.put("yAxisIndex", axis);
        series.put("connectNulls", false);
        series.put("data", data);
        return series;
    }

    private static List<BigDecimal> values(MeterDayHistory history, Function<MeterDayHistory.Hour, BigDecimal> value) {
        List<BigDecimal> values = new ArrayList<>();
        history.hours().forEach(hour -> values.add(value.apply(hour)));
        return values;
    }
}
