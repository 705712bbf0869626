package io.jichao.prepaid;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.Meter;
import io.jichao.archive.MeterDetails;
import io.jichao.archive.MeterService;
import io.jichao.security.CurrentOperator;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import jakarta.persistence.EntityManager;

/**
 * The receipt of a recharge order as a PDF (JasperReports, Noto Sans SC embedded so Chinese prints
 * anywhere). Labels come from the i18n bundles in the operator's language; the template is compiled
 * once, on first use.
 */
@Service
public class ReceiptService {

    private static final CompiledTemplate TEMPLATE = new CompiledTemplate("/reports/recharge-receipt.jrxml");
    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeConfiguration.DISPLAY_ZONE);

    private final RechargeOrderRepository orders;
    private final MeterService meters;
    private final EntityManager entityManager;
    private final CurrentOperator currentOperator;

    ReceiptService(RechargeOrderRepository orders, MeterService meters, EntityManager entityManager,
                   CurrentOperator currentOperator) {
        this.orders = orders;
        this.meters = meters;
        this.entityManager = entityManager;
        this.currentOperator = currentOperator;
    }

    /** The PDF receipt of an order whose meter is inside the operator's district. */
    @Transactional(readOnly = true)
    public byte[] receiptPdf(long orderId, Locale locale) {
        currentOperator.get().require(Permission.RECHARGE);
        RechargeOrderView order = orders.findById(orderId).map(RechargeOrder::view)
                .orElseThrow(() -> new DomainException("error.recharge.not.found"));
        MeterDetails meter = meters.get(order.meterId());
        ResourceBundle labels = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("siteName", siteName(order.meterId()));
        parameters.put("title", labels.getString("receipt.title"));
        parameters.put("footer", labels.getString("receipt.footer"));
        List<Map<String, ?>> rows = new ArrayList<>();
        row(rows, labels, "receipt.number", String.valueOf(order.id()));
        row(rows, labels, "receipt.time", TIME.format(order.createdAt()));
        row(rows, labels, "receipt.clerk", clerkName(order.createdBy()));
        row(rows, labels, "receipt.household", meter.draft().householdName());
        row(rows, labels, "receipt.room", meter.draft().room());
        row(rows, labels, "receipt.meter", meter.draft().address());
        row(rows, labels, "receipt.amount", order.amount() + " " + labels.getString("receipt.yuan"));
        if (order.emergencyRepaidKwh().isPositive()) {
            row(rows, labels, "receipt.kwh.purchased", order.purchasedKwh() + " kWh");
            row(rows, labels, "receipt.emergency.repaid", order.emergencyRepaidKwh() + " kWh");
        }
        row(rows, labels, "receipt.kwh", order.kwh() + " kWh");
        row(rows, labels, "receipt.price", order.price() + " " + labels.getString("receipt.yuan.per.kwh"));
        row(rows, labels, "receipt.method", labels.getString("recharge.method." + order.payment().method().name()));
        if (order.payment().reference() != null) {
            row(rows, labels, "receipt.reference", order.payment().reference());
        }
        row(rows, labels, "receipt.state", labels.getString("recharge.state." + order.state().name()));
        return render(parameters, rows);
    }

    private byte[] render(Map<String, Object> parameters, List<Map<String, ?>> rows) {
        try {
            JasperPrint print = JasperFillManager.fillReport(TEMPLATE.get(), parameters, new JRMapCollectionDataSource(rows));
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
            exporter.exportReport();
            return pdf.toByteArray();
        } catch (JRException failure) {
            throw new IllegalStateException("The receipt could not be rendered", failure);
        }
    }

    private String siteName(long meterId) {
        return entityManager.find(Meter.class, meterId).getBuilding().getSite().getName();
    }

    private String clerkName(String username) {
        List<String> names = entityManager.createQuery(
                        "select o.displayName from Operator o where o.username = :username", String.class)
                .setParameter("username", username).getResultList();
        return names.isEmpty() ? username : names.getFirst();
    }

    private static void row(List<Map<String, ?>> rows, ResourceBundle labels, String key, String value) {
        rows.add(Map.of("label", labels.getString(key), "value", value == null ? "" : value));
    }
}
