package io.jichao.home.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.jichao.alarm.Severity;
import io.jichao.shared.ui.EChart;

/**
 * The alarms raised per day of the last week, stacked by severity in the fault map's colours
 * (yellow alarms, red faults), as an ECharts option built in Java.
 */
final class AlarmTrendChart extends EChart {

    static final String ALARM_COLOUR = "#eab308";
    static final String FAULT_COLOUR = "#dc2626";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    AlarmTrendChart() {
        setId(HomeView.ALARM_TREND_ID);
        setHeight("260px");
    }

    void show(Map<LocalDate, Map<Severity, Long>> perDay, String title, String alarmName, String faultName) {
        List<String> days = perDay.keySet().stream().map(DAY::format).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0, "right", 0));
        option.put("grid", Map.of("left", 40, "right", 16, "top", 40, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", days));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(series(alarmName, ALARM_COLOUR, perDay, Severity.ALARM),
                series(faultName, FAULT_COLOUR, perDay, Severity.FAULT)));
        setOption(JSON.writeValueAsString(option));
    }

    private static Map<String, Object> series(String name, String colour, Map<LocalDate, Map<Severity, Long>> perDay,
                                              Severity severity) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", "bar");
        series.put("stack", "alarms");
        series.put("itemStyle", Map.of("color", colour));
        series.put("data", perDay.values().stream().map(counts -> counts.getOrDefault(severity, 0L)).toList());
        return series;
    }
}
