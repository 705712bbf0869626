package io.jichao.prepaid;

import java.io.IOException;
import java.io.InputStream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/** A JRXML template on the classpath, compiled on first use and then kept (compiling takes a second or more). */
final class CompiledTemplate {

    private final String resource;
    private volatile JasperReport compiled;

    CompiledTemplate(String resource) {
        this.resource = resource;
    }

    JasperReport get() throws JRException {
        JasperReport report = compiled;
        if (report == null) {
            synchronized (this) {
                report = compiled;
                if (report == null) {
                    try (InputStream jrxml = CompiledTemplate.class.getResourceAsStream(resource)) {
                        report = JasperCompileManager.compileReport(jrxml);
                    } catch (IOException unreadable) {
                        throw new JRException(unreadable);
                    }
                    compiled = report;
                }
            }
        }
        return report;
    }
}
