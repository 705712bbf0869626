package io.jichao;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Jichao (集抄): prepaid electricity metering and automatic meter reading.
 * One application: the web tier and, unless switched off, the collection engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/jichao.css")
@PWA(name = "Jichao", shortName = "Jichao")
public class JichaoApplication implements AppShellConfigurator {

    /**
     * A start that fails for any reason ends the process with status 1: Spring has logged the cause
     * and closed the context (database, simulator, engine), and nothing half-started may keep ports
     * or threads alive behind it.
     */
    public static void main(String[] args) {
        try {
            SpringApplication.run(JichaoApplication.class, args);
        } catch (RuntimeException failed) {
            System.exit(1);
        }
    }
}
