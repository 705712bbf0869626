package io.jichao.kiosk;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.kiosk.ui.KioskDevicesView;
import io.jichao.kiosk.ui.KioskPinsView;
import io.jichao.shared.ui.NavigationEntry;

/** The kiosk's operator pages in the side navigation (the kiosk itself has no navigation). */
@Configuration(proxyBeanMethods = false)
class KioskNavigation {

    @Bean
    NavigationEntry kioskPinsEntry() {
        return new NavigationEntry(25, "nav.kioskPins", VaadinIcon.PASSWORD, KioskPinsView.class);
    }

    @Bean
    NavigationEntry kioskDevicesEntry() {
        return new NavigationEntry(85, "nav.kiosks", VaadinIcon.TABLET, KioskDevicesView.class);
    }
}
