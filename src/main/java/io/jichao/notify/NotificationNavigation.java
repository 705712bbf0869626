package io.jichao.notify;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.notify.ui.NotificationsView;
import io.jichao.shared.ui.NavigationEntry;

/** The notifications page in the side navigation, with the administration pages. */
@Configuration(proxyBeanMethods = false)
class NotificationNavigation {

    @Bean
    NavigationEntry notificationsEntry() {
        return new NavigationEntry(75, "nav.notifications", VaadinIcon.ENVELOPE, NotificationsView.class);
    }
}
