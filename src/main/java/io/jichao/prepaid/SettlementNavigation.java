package io.jichao.prepaid;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.component.icon.VaadinIcon;

import io.jichao.prepaid.ui.SettlementView;
import io.jichao.shared.ui.NavigationEntry;

/** The settlement and reconciliation page's place in the side navigation, after the sales reports. */
@Configuration(proxyBeanMethods = false)
class SettlementNavigation {

    @Bean
    NavigationEntry settlementEntry() {
        return new NavigationEntry(24, "nav.settlement", VaadinIcon.BOOK_DOLLAR, SettlementView.class);
    }
}
