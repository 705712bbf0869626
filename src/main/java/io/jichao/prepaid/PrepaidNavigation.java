package io.jichao.prepaid;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.prepaid.ui.RechargeView;
import io.jichao.shared.ui.NavigationEntry;

/** Prepaid's entries in the side navigation. */
@Configuration(proxyBeanMethods = false)
class PrepaidNavigation {

    @Bean
    NavigationEntry rechargeEntry() {
        return new NavigationEntry(20, "nav.recharge", VaadinIcon.WALLET, RechargeView.class);
    }
}
