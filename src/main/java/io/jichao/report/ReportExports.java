package io.jichao.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.springframework.stereotype.Service;

import io.jichao.report.MeterLists.DailyUsage;
import io.jichao.report.MeterLists.DailyUsageReport;
import io.jichao.report.MeterLists.LowRemaining;
import io.jichao.report.MeterLists.LowRemainingReport;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.report.ReportFile;

/**
 * Every report of this feature as XLSX or PDF, headers in the operator's language. Each goes through
 * its service, so permission and district are the report's own. Missing values stay empty cells
 * ("—" in the PDF) and a note says how many intervals are missing.
 */
@Service
public class ReportExports {

    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(EnergyReportService.ZONE);

    private final EnergyReportService energy;
    private final LineLossService lineLoss;
    private final MeterListService lists;

    ReportExports(EnergyReportService energy, LineLossService lineLoss, MeterListService lists) {
        this.energy = energy;
        this.lineLoss = lineLoss;
        this.lists = lists;
    }

    public ReportFile energy(EnergyQuery query, ExportFormat format, Locale locale) {
        Labels labels = new Labels(locale);
        EnergyReport report = energy.report(query);
        List<List<Object>> rows = new ArrayList<>();
        for (EnergyReport.Row row : report.rows()) {
            rows.add(figureRow(row.label(), row.figure(), labels));
        }
        rows.add(figureRow(labels.get("report.total"), report.total(), labels));
        List<String> notes = new ArrayList<>(List.of(labels.get("report.note.period", query.from(), query.to(),
                labels.get("report.granularity." + query.granularity()), report.meters())));
        missingNote(report.total(), labels, notes);
        notes.add(labels.get("report.note.ctpt"));
        ReportTable table = new ReportTable(labels.get("report.energy.export.title", target(report, labels)), notes,
                labels.all("report.col.period", "report.col.kwh", "report.col.missing", "report.col.status"), rows);
        return file("energy-" + query.from() + "-" + query.to(), table, format);
    }

    public ReportFile comparison(EnergyQuery first, LocalDate secondFrom, LocalDate secondTo, ExportFormat format,
                                 Locale locale) {
        Labels labels = new Labels(locale);
        EnergyComparison comparison = energy.compare(first, secondFrom, secondTo);
        List<List<Object>> rows = new ArrayList<>();
        for (EnergyComparison.Line line : comparison.lines()) {
            rows.add(compareRow(line.first() == null ? "" : line.first().label(),
                    line.second() == null ? "" : line.second().label(), line));
        }
        rows.add(compareRow(labels.get("report.total"), labels.get("report.total"), comparison.total()));
        EnergyQuery second = comparison.second().query();
        List<String> notes = new ArrayList<>(List.of(
                labels.get("report.note.compare", comparison.first().query().from(), comparison.first().query().to(),
                        second.from(), second.to(), labels.get("report.granularity." + first.granularity())),
                labels.get("report.note.compare.incomplete"), labels.get("report.note.ctpt")));
        ReportTable table = new ReportTable(
                labels.get("report.compare.export.title", target(comparison.first(), labels)), notes,
                labels.all("report.col.period.a", "report.col.kwh.a", "report.col.missing.a", "report.col.period.b",
                        "report.col.kwh.b", "report.col.missing.b", "report.col.difference", "report.col.percent"),
                rows);
        return file("energy-compare-" + first.from() + "-" + secondFrom, table, format);
    }

    public ReportFile lineLoss(LocalDate from, LocalDate to, ExportFormat format, Locale locale) {
        Labels labels = new Labels(locale);
        LineLossReport report = lineLoss.report(from, to);
        List<List<Object>> rows = new ArrayList<>();
        int rank = 1;
        for (LineLossReport.Node node : report.nodes()) {
            rows.add(Arrays.asList(node.complete() ? rank++ : null, node.meter().label(), node.children(),
                    kwh(node.parent().known()), kwh(node.childrenSum().known()), kwh(node.loss()),
                    node.percent().orElse(null), node.money().map(Money::yuan).orElse(null), node.missing()));
        }
        List<String> notes = List.of(labels.get("report.note.lineloss.period", report.from(), report.to()),
                labels.get("report.note.lineloss"), labels.get("report.note.ctpt"));
        ReportTable table = new ReportTable(labels.get("lineloss.title"), notes,
                labels.all("lineloss.col.rank", "lineloss.col.meter", "lineloss.col.children", "lineloss.col.parent",
                        "lineloss.col.children.kwh", "lineloss.col.loss", "lineloss.col.percent", "lineloss.col.money",
                        "lineloss.col.missing"), rows);
        return file("line-loss-" + from + "-" + to, table, format);
    }

    public ReportFile dailyUsage(LocalDate day, ExportFormat format, Locale locale) {
        Labels labels = new Labels(locale);
        DailyUsageReport report = lists.dailyUsage(day);
        List<List<Object>> rows = new ArrayList<>();
        for (DailyUsage row : report.rows()) {
            rows.add(Arrays.asList(row.meter().address(), row.meter().building(), row.meter().room(),
                    row.meter().household(), kwh(row.usage().known()),
                    row.usage().missing() > 0 ? labels.get("report.status.missing") : null,
                    row.remainingKwh(), row.remainingAt() == null ? null : TIME.format(row.remainingAt())));
        }
        rows.add(Arrays.asList(labels.get("report.total"), null, null, null, kwh(report.total().known()),
                report.total().missing() > 0 ? String.valueOf(report.total().missing()) : null, null, null));
        List<String> notes = new ArrayList<>(List.of(labels.get("daily.note", report.rows().size())));
        missingNote(report.total(), labels, notes);
        ReportTable table = new ReportTable(labels.get("daily.export.title", day), notes,
                labels.all("list.col.address", "list.col.building", "list.col.room", "list.col.household",
                        "daily.col.usage", "daily.col.missing", "list.col.remaining", "list.col.read.at"), rows);
        return file("daily-usage-" + day, table, format);
    }

    public ReportFile lowRemaining(BigDecimal threshold, ExportFormat format, Locale locale) {
        Labels labels = new Labels(locale);
        LowRemainingReport report = lists.lowRemaining(threshold);
        List<List<Object>> rows = new ArrayList<>();
        for (LowRemaining row : report.rows()) {
            rows.add(Arrays.asList(row.meter().address(), row.meter().building(), row.meter().room(),
                    row.meter().household(), row.phone(), row.remainingKwh(), row.threshold(),
                    TIME.format(row.readAt())));
        }
        String rule = threshold == null ? labels.get("low.note.level1")
                : labels.get("low.note.threshold", threshold.toPlainString());
        ReportTable table = new ReportTable(labels.get("low.export.title", TIME.format(report.at())),
                List.of(rule, labels.get("low.note.count", report.rows().size())),
                labels.all("list.col.address", "list.col.building", "list.col.room", "list.col.household",
                        "list.col.phone", "list.col.remaining", "low.col.threshold", "list.col.read.at"), rows);
        return file("low-remaining-" + LocalDate.ofInstant(report.at(), EnergyReportService.ZONE), table, format);
    }

    private static ReportFile file(String name, ReportTable table, ExportFormat format) {
        byte[] content = format == ExportFormat.XLSX ? ReportRenderer.xlsx(table) : ReportRenderer.pdf(table);
        return new ReportFile(name + "." + format.extension(), format.contentType(), content);
    }

    private static List<Object> figureRow(String label, EnergyFigure figure, Labels labels) {
        return Arrays.asList(label, kwh(figure.known()), figure.missing(), labels.status(figure));
    }

    private static List<Object> compareRow(String first, String second, EnergyComparison.Line line) {
        return Arrays.asList(first, kwh(line.firstFigure().known()), line.firstFigure().missing(), second,
                kwh(line.secondFigure().known()), line.secondFigure().missing(), kwh(line.difference()),
                line.percent().orElse(null));
    }

    private static void missingNote(EnergyFigure total, Labels labels, List<String> notes) {
        if (total.missing() > 0) {
            notes.add(labels.get("report.note.missing", total.missing(), total.expected()));
        }
    }

    private static String target(EnergyReport report, Labels labels) {
        return report.targetName() == null ? labels.get("report.level.DISTRICT") : report.targetName();
    }

    private static BigDecimal kwh(Optional<Kwh> kwh) {
        return kwh.map(Kwh::value).orElse(null);
    }

    /** The i18n bundle of the operator's language, as the views' {@code getTranslation} reads it. */
    static final class Labels {
        private final ResourceBundle bundle;

        Labels(Locale locale) {
            bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        String get(String key, Object... arguments) {
            String text = bundle.getString(key);
            for (int i = 0; i < arguments.length; i++) {
                text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
            }
            return text;
        }

        List<String> all(String... keys) {
            return Arrays.stream(keys).map(this::get).toList();
        }

        String status(EnergyFigure figure) {
            if (figure.notDue() && figure.known().isEmpty()) {
                return get("report.status.notdue");
            }
            if (figure.known().isEmpty()) {
                return get("report.status.nodata");
            }
            return get(figure.missing() > 0 ? "report.status.incomplete" : "report.status.complete");
        }
    }
}
