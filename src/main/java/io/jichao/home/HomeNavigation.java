package io.jichao.home;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.home.ui.HomeView;
import io.jichao.shared.ui.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class HomeNavigation {

    @Bean
    NavigationEntry homeEntry() {
        return new NavigationEntry(0, "nav.home", VaadinIcon.HOME, HomeView.class);
    }
}
