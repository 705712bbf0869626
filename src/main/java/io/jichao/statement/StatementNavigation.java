package io.jichao.statement;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jichao.shared.ui.NavigationEntry;
import io.jichao.statement.ui.ReportSubscriptionsView;
import io.jichao.statement.ui.StatementsView;

/** The statements and report subscription pages in the side navigation, after the sales reports. */
@Configuration(proxyBeanMethods = false)
class StatementNavigation {

    @Bean
    NavigationEntry statementsEntry() {
        return new NavigationEntry(25, "nav.statements", VaadinIcon.FILE_TEXT_O, StatementsView.class);
    }

    @Bean
    NavigationEntry reportSubscriptionsEntry() {
        return new NavigationEntry(26, "nav.report.subscriptions", VaadinIcon.ENVELOPE_O, ReportSubscriptionsView.class);
    }
}
