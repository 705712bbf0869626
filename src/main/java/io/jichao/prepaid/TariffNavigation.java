package io.jichao.prepaid;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.component.icon.VaadinIcon;

import io.jichao.prepaid.ui.TariffsView;
import io.jichao.shared.ui.NavigationEntry;

/** The tariff administration page's place in the side navigation, after the sales reports. */
@Configuration(proxyBeanMethods = false)
class TariffNavigation {

    @Bean
    NavigationEntry tariffsEntry() {
        return new NavigationEntry(24, "nav.tariffs", VaadinIcon.MONEY, TariffsView.class);
    }
}
