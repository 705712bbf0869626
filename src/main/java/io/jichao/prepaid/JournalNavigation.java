package io.jichao.prepaid;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.component.icon.VaadinIcon;

import io.jichao.prepaid.ui.LedgerJournalView;
import io.jichao.prepaid.ui.RechargeJournalView;
import io.jichao.shared.ui.NavigationEntry;

/** The recharge journal (clerks) after the recharge page, the ledger journal (finance) after the sales. */
@Configuration(proxyBeanMethods = false)
class JournalNavigation {

    @Bean
    NavigationEntry rechargeJournalEntry() {
        return new NavigationEntry(20, "nav.journal", VaadinIcon.LIST_OL, RechargeJournalView.class);
    }

    @Bean
    NavigationEntry ledgerJournalEntry() {
        return new NavigationEntry(23, "nav.ledger", VaadinIcon.BOOK, LedgerJournalView.class);
    }
}
