package io.jichao.collection;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.collection.ui.CollectionSchedulesView;
import io.jichao.shared.ui.NavigationEntry;

/** The reading schedules' place in the side navigation, next to the collectors. */
@Configuration(proxyBeanMethods = false)
class CollectionNavigation {

    @Bean
    NavigationEntry schedulesEntry() {
        return new NavigationEntry(65, "nav.schedules", VaadinIcon.CLOCK, CollectionSchedulesView.class);
    }
}
