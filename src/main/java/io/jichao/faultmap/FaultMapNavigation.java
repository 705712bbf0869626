package io.jichao.faultmap;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.faultmap.ui.FaultMapView;
import io.jichao.shared.ui.NavigationEntry;

/** The fault map's place in the side navigation, after the meters. */
@Configuration(proxyBeanMethods = false)
class FaultMapNavigation {

    @Bean
    NavigationEntry faultMapEntry() {
        return new NavigationEntry(12, "nav.faultmap", VaadinIcon.MAP_MARKER, FaultMapView.class);
    }
}
