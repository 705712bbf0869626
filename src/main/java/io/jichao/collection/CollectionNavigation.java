package io.jichao.collection;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.collection.ui.CollectionSchedulesView;
import io.jichao.collection.ui.GentleCutoffView;
import io.jichao.collection.ui.OverloadView;
import io.jichao.shared.ui.NavigationEntry;

/** The reading schedules', overload parameters' and gentle cut-off's places in the side navigation. */
@Configuration(proxyBeanMethods = false)
class CollectionNavigation {

    @Bean
    NavigationEntry schedulesEntry() {
        return new NavigationEntry(65, "nav.schedules", VaadinIcon.CLOCK, CollectionSchedulesView.class);
    }

    @Bean
    NavigationEntry overloadEntry() {
        return new NavigationEntry(66, "nav.overload", VaadinIcon.FLASH, OverloadView.class);
    }

    @Bean
    NavigationEntry gentleCutoffEntry() {
        return new NavigationEntry(67, "nav.gentle", VaadinIcon.MOON, GentleCutoffView.class);
    }
}
