package io.jichao.prepaid;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.component.icon.VaadinIcon;

import io.jichao.prepaid.ui.SalesView;
import io.jichao.shared.ui.NavigationEntry;

/** The sales reports' place in the side navigation, after the handheld tasks. */
@Configuration(proxyBeanMethods = false)
class SalesNavigation {

    @Bean
    NavigationEntry salesEntry() {
        return new NavigationEntry(23, "nav.sales", VaadinIcon.CHART, SalesView.class);
    }
}
