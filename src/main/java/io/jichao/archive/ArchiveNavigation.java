package io.jichao.archive;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.archive.ui.BillingConflictsView;
import io.jichao.archive.ui.MeterGridView;
import io.jichao.shared.ui.NavigationEntry;

/** The archive's entries in the side navigation. */
@Configuration(proxyBeanMethods = false)
class ArchiveNavigation {

    @Bean
    NavigationEntry metersEntry() {
        return new NavigationEntry(10, "nav.meters", VaadinIcon.DASHBOARD, MeterGridView.class);
    }

    @Bean
    NavigationEntry billingConflictsEntry() {
        return new NavigationEntry(11, "nav.billing.conflicts", VaadinIcon.EXCLAMATION_CIRCLE_O, BillingConflictsView.class);
    }
}
