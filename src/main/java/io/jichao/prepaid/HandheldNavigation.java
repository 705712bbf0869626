package io.jichao.prepaid;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.prepaid.ui.HandheldTasksView;
import io.jichao.shared.ui.NavigationEntry;

/** The handheld tasks' place in the side navigation, after the recharge page. */
@Configuration(proxyBeanMethods = false)
class HandheldNavigation {

    @Bean
    NavigationEntry handheldEntry() {
        return new NavigationEntry(22, "nav.handheld", VaadinIcon.MOBILE, HandheldTasksView.class);
    }
}
