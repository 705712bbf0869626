package io.jichao.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.AttributedCharacterIterator;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import java.util.zip.Deflater;

import com.lowagie.text.Font;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducer;
import org.springframework.stereotype.Component;

import io.jichao.shared.TimeConfiguration;
import io.jichao.statement.MonthlyStatement.Entry;
import io.jichao.statement.MonthlyStatement.MeterUsage;
import io.jichao.statement.MonthlyStatement.Rate;
import io.jichao.statement.MonthlyStatement.Tariff;

/**
 * Fills {@code reports/monthly-statement.jrxml} (compiled once, on first use, then shared by every
 * thread) with a {@link MonthlyStatement}, labels from the i18n bundle of the locale, and exports
 * it as PDF with the embedded Noto Sans SC subset.
 */
@Component
class StatementRenderer {

    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfiguration.DISPLAY_ZONE);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private volatile JasperReport template;

    /**
     * Embeds the font subset deflated at {@link Deflater#BEST_SPEED}. The subset of the CJK font
     * keeps the glyph index tables of all its tens of thousands of glyphs, and deflating them at the
     * default level was most of a statement's rendering time; the fastest level costs a few kB per
     * PDF. The level is a property of OpenPDF's cached {@code BaseFont}, shared by every export.
     */
    private static final class FastFontExporter extends JRPdfExporter {
        @Override
        protected PdfProducer createPdfProducer() {
            return new ClassicPdfProducer(createPdfProducerContext()) {
                @Override
                public Font getFont(Map<AttributedCharacterIterator.Attribute, Object> attributes, Locale locale) {
                    Font font = super.getFont(attributes, locale);
                    if (font.getBaseFont() != null && font.getBaseFont().getCompressionLevel() != Deflater.BEST_SPEED) {
                        font.getBaseFont().setCompressionLevel(Deflater.BEST_SPEED);
                    }
                    return font;
                }
            };
        }
    }

    byte[] pdf(MonthlyStatement statement, Locale locale) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
        export(List.of(fill(statement, locale)), pdf);
        return pdf.toByteArray();
    }

    /** The statement laid out, not yet exported (a batch merges many into one PDF). */
    JasperPrint fill(MonthlyStatement statement, Locale locale) {
        ResourceBundle labels = labels(locale);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("siteName", statement.siteName());
        parameters.put("title", format(labels, "statement.title", statement.month().toString()));
        parameters.put("householdLine", format(labels, "statement.household.line", statement.householdName(),
                statement.month().toString()));
        parameters.put("addressLine", format(labels, "statement.address.line", statement.buildingName(),
                statement.room()));
        parameters.put("footer", labels.getString("statement.footer"));
        try {
            return JasperFillManager.fillReport(template(), parameters,
                    new JRMapCollectionDataSource(rows(statement, labels)));
        } catch (JRException failure) {
            throw new IllegalStateException("The statement could not be rendered", failure);
        }
    }

    /** Exports filled statements as one PDF, in order; the font subset is embedded once. */
    void export(List<JasperPrint> prints, OutputStream out) {
        try {
            JRPdfExporter exporter = new FastFontExporter();
            exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.exportReport();
        } catch (JRException failure) {
            throw new IllegalStateException("The statements could not be exported", failure);
        }
    }

    private static List<Map<String, ?>> rows(MonthlyStatement statement, ResourceBundle labels) {
        List<Map<String, ?>> rows = new ArrayList<>();
        String missing = labels.getString("statement.missing");
        rows.add(row("section", labels.getString("statement.section.meters")));
        rows.add(row("header", labels.getString("statement.col.meter"), labels.getString("statement.col.opening"),
                labels.getString("statement.col.closing"), labels.getString("statement.col.multiplier"),
                labels.getString("statement.col.usage"), labels.getString("statement.col.tariff")));
        for (MeterUsage meter : statement.meters()) {
            String usage = meter.usage().map(Object::toString).orElse(missing)
                    + (meter.incomplete() ? " " + labels.getString("statement.incomplete") : "");
            rows.add(row("row", meter.address(), meter.openingRegister().map(BigDecimal::toPlainString).orElse(missing),
                    meter.closingRegister().map(BigDecimal::toPlainString).orElse(missing),
                    "×" + meter.multiplier(), usage,
                    meter.tariff().map(t -> tariff(t, labels)).orElse(labels.getString("statement.tariff.none"))));
        }
        rows.add(row("section", labels.getString("statement.section.ledger")));
        rows.add(row("header", labels.getString("statement.col.time"), labels.getString("statement.col.kind"),
                labels.getString("statement.col.amount"), "", labels.getString("statement.col.kwh"),
                labels.getString("statement.col.order")));
        if (statement.entries().isEmpty()) {
            rows.add(row("row", labels.getString("statement.ledger.none")));
        }
        for (Entry entry : statement.entries()) {
            rows.add(row("row", TIME.format(entry.occurredAt()), labels.getString("statement.kind." + entry.kind().name()),
                    entry.amount().toString(), "", entry.kwh().toString(),
                    entry.orderId() == null ? "" : String.valueOf(entry.orderId())));
        }
        rows.add(row("section", labels.getString("statement.section.balance")));
        rows.add(row("header", "", labels.getString("statement.col.amount"), "", "",
                labels.getString("statement.col.kwh"), ""));
        rows.add(row("row", labels.getString("statement.balance.opening"), statement.openingBalance().toString(), "", "",
                statement.openingKwh().toString(), ""));
        rows.add(row("row", labels.getString("statement.balance.change"),
                statement.closingBalance().minus(statement.openingBalance()).toString(), "", "",
                statement.closingKwh().minus(statement.openingKwh()).toString(), ""));
        rows.add(row("row", labels.getString("statement.balance.closing"), statement.closingBalance().toString(), "", "",
                statement.closingKwh().toString(), ""));
        return rows;
    }

    /** The tariff as one line, e.g. "平价 0.5000 元/kWh" or "峰 08:00-22:00 0.6000；谷 22:00-08:00 0.3000 元/kWh". */
    static String tariff(Tariff tariff, ResourceBundle labels) {
        String unit = labels.getString("statement.tariff.unit");
        String prices = switch (tariff.kind()) {
            case FLAT -> tariff.rates().getFirst().price().toPlainString();
            case TIME_OF_USE -> tariff.rates().stream().map(rate -> format(labels, "statement.tariff.period",
                    labels.getString("tariffs.period." + rate.periodKind()), CLOCK.format(rate.start()),
                    CLOCK.format(rate.end()), rate.price().toPlainString())).collect(Collectors.joining("; "));
            case STEPPED -> tariff.rates().stream().map(rate -> step(rate, labels)).collect(Collectors.joining("; "));
        };
        return labels.getString("tariffs.kind." + tariff.kind().name()) + " " + prices + " " + unit;
    }

    private static String step(Rate rate, ResourceBundle labels) {
        return rate.upTo() == null ? format(labels, "statement.tariff.step.last", rate.price().toPlainString())
                : format(labels, "statement.tariff.step", rate.upTo().stripTrailingZeros().toPlainString(),
                rate.price().toPlainString());
    }

    private static Map<String, ?> row(String kind, String... cells) {
        Map<String, String> row = new HashMap<>();
        row.put("kind", kind);
        for (int i = 0; i < 6; i++) {
            row.put("c" + i, i < cells.length ? cells[i] : "");
        }
        return row;
    }

    /** Fills {0}, {1}… with plain text (no MessageFormat: names may hold quotes and braces). */
    static String format(ResourceBundle labels, String key, String... values) {
        String text = labels.getString(key);
        for (int i = 0; i < values.length; i++) {
            text = text.replace("{" + i + "}", values[i] == null ? "" : values[i]);
        }
        return text;
    }

    static ResourceBundle labels(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private JasperReport template() throws JRException {
        JasperReport compiled = template;
        if (compiled == null) {
            synchronized (this) {
                compiled = template;
                if (compiled == null) {
                    try (InputStream jrxml = StatementRenderer.class.getResourceAsStream("/reports/monthly-statement.jrxml")) {
                        compiled = JasperCompileManager.compileReport(jrxml);
                    } catch (IOException unreadable) {
                        throw new JRException(unreadable);
                    }
                    template = compiled;
                }
            }
        }
        return compiled;
    }
}
