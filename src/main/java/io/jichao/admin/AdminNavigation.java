package io.jichao.admin;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.admin.ui.AuditView;
import io.jichao.admin.ui.CollectorsView;
import io.jichao.admin.ui.OperatorsView;
import io.jichao.admin.ui.StructureView;
import io.jichao.shared.ui.NavigationEntry;

/** The administration pages' places in the side navigation, after the daily work pages. */
@Configuration(proxyBeanMethods = false)
class AdminNavigation {

    @Bean
    NavigationEntry collectorsEntry() {
        return new NavigationEntry(60, "nav.collectors", VaadinIcon.CONNECT, CollectorsView.class);
    }

    @Bean
    NavigationEntry structureEntry() {
        return new NavigationEntry(70, "nav.structure", VaadinIcon.BUILDING, StructureView.class);
    }

    @Bean
    NavigationEntry operatorsEntry() {
        return new NavigationEntry(80, "nav.operators", VaadinIcon.USERS, OperatorsView.class);
    }

    @Bean
    NavigationEntry auditEntry() {
        return new NavigationEntry(90, "nav.audit", VaadinIcon.CLIPBOARD_TEXT, AuditView.class);
    }
}
