package io.jichao.report.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.jichao.report.EnergyComparison;
import io.jichao.report.EnergyFigure;
import io.jichao.report.EnergyReport;
import io.jichao.report.LineLossReport;
import io.jichao.shared.Kwh;

/**
 * ECharts options of the report pages, built in Java. A period without any known interval is a gap
 * (null), never a zero bar; an incomplete period shows its known sum in the warning colour.
 */
final class ReportCharts {

    static final String INCOMPLETE_COLOUR = "#e6a23c";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportCharts() {
    }

    static String energy(EnergyReport report, String seriesName, String kwh) {
        List<String> labels = report.rows().stream().map(EnergyReport.Row::label).toList();
        List<Object> data = report.rows().stream().map(r -> point(r.figure())).toList();
        return option(labels, List.of(bars(seriesName, data)), kwh);
    }

    static String comparison(EnergyComparison comparison, String firstName, String secondName, String kwh) {
        List<String> labels = new ArrayList<>();
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        for (EnergyComparison.Line line : comparison.lines()) {
            labels.add(line.first() != null ? line.first().label() : line.second().label());
            first.add(point(line.firstFigure()));
            second.add(point(line.secondFigure()));
        }
        return option(labels, List.of(bars(firstName, first), bars(secondName, second)), kwh);
    }

    /** The worst nodes' loss percentage, worst first (complete nodes only). */
    static String lineLoss(LineLossReport report, String seriesName, int worst) {
        List<String> labels = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        for (LineLossReport.Node node : report.nodes()) {
            if (node.percent().isEmpty() || labels.size() >= worst) {
                continue;
            }
            labels.add(node.meter().address());
            data.add(node.percent().get());
        }
        return option(labels, List.of(bars(seriesName, data)), "%");
    }

    private static Object point(EnergyFigure figure) {
        if (figure.known().isEmpty()) {
            return null;
        }
        BigDecimal value = figure.known().map(Kwh::value).orElseThrow();
        if (figure.missing() == 0) {
            return value;
        }
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("value", value);
        point.put("itemStyle", Map.of("color", INCOMPLETE_COLOUR));
        return point;
    }

    private static Map<String, Object> bars(String name, List<Object> data) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", "bar");
        series.put("data", data);
        return series;
    }

    private static String option(List<String> labels, List<Map<String, Object>> series, String unit) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0, "data", series.stream().map(s -> s.get("name")).toList()));
        option.put("grid", Map.of("left", 60, "right", 30, "top", 40, "bottom", 60));
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", Map.of("type", "value", "name", unit));
        option.put("dataZoom", List.of(Map.of("type", "inside"), Map.of("type", "slider", "height", 18, "bottom", 8)));
        option.put("series", series);
        return JSON.writeValueAsString(option);
    }
}
