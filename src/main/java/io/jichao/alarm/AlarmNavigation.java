package io.jichao.alarm;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.alarm.ui.AlarmsView;
import io.jichao.shared.ui.NavigationEntry;

/** The alarm list's place in the side navigation, right after the meters. */
@Configuration(proxyBeanMethods = false)
class AlarmNavigation {

    @Bean
    NavigationEntry alarmsEntry() {
        return new NavigationEntry(12, "nav.alarms", VaadinIcon.BELL, AlarmsView.class);
    }
}
