package io.jichao.prepaid;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.prepaid.ui.RefundsView;
import io.jichao.shared.ui.NavigationEntry;

/** The refunds page in the side navigation, next to recharge. */
@Configuration(proxyBeanMethods = false)
class RefundNavigation {

    @Bean
    NavigationEntry refundsEntry() {
        return new NavigationEntry(21, "nav.refunds", VaadinIcon.ARROW_BACKWARD, RefundsView.class);
    }
}
