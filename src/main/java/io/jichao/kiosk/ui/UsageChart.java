package io.jichao.kiosk.ui;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.jichao.kiosk.ResidentOverview;

/** The ECharts option of the resident's last 30 days: one bar per day, a day without data left empty. */
final class UsageChart {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private UsageChart() {
    }

    static String option(List<ResidentOverview.DayUsage> usage, String seriesName, String unit) {
        List<String> days = usage.stream().map(day -> DAY.format(day.day())).toList();
        List<BigDecimal> values = new ArrayList<>();
        usage.forEach(day -> values.add(day.kwh().map(kwh -> kwh.value()).orElse(null)));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 60, "right", 20, "top", 40, "bottom", 40));
        option.put("textStyle", Map.of("fontSize", 16));
        option.put("xAxis", Map.of("type", "category", "data", days, "axisLabel", Map.of("fontSize", 14)));
        option.put("yAxis", Map.of("type", "value", "name", unit, "axisLabel", Map.of("fontSize", 14)));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", seriesName);
        series.put("type", "bar");
        series.put("data", values);
        series.put("itemStyle", Map.of("color", "#1676f3"));
        option.put("series", List.of(series));
        return JSON.writeValueAsString(option);
    }
}
