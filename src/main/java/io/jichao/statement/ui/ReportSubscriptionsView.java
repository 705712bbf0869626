package io.jichao.statement.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;
import io.jichao.statement.ReportChoice;
import io.jichao.statement.ReportSubscriptionService;
import io.jichao.statement.ReportSubscriptionView;

/**
 * Finance subscribes to a report (monthly sales XLSX, daily usage, district statements…) mailed to
 * a few addresses on its schedule, and sees each subscription's last run and outcome. Thin over
 * {@link ReportSubscriptionService}.
 */
@Route("statements/subscriptions")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.FINANCE_NAME})
public class ReportSubscriptionsView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String REPORT_ID = "subscription-report";
    public static final String RECIPIENTS_ID = "subscription-recipients";
    public static final String SUBSCRIBE_ID = "subscription-subscribe";
    public static final String GRID_ID = "subscription-grid";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient ReportSubscriptionService subscriptions;
    private final ComboBox<ReportChoice> report = new ComboBox<>();
    private final TextField recipients = new TextField();
    private final Grid<ReportSubscriptionView> grid = new Grid<>();

    public ReportSubscriptionsView(ReportSubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        setSizeFull();
        report.setId(REPORT_ID);
        report.setLabel(getTranslation("subscription.report"));
        report.setItemLabelGenerator(choice -> getTranslation(choice.titleKey()) + " · "
                + getTranslation("subscription.cadence." + choice.cadence().name()));
        report.setWidth("24em");
        recipients.setId(RECIPIENTS_ID);
        recipients.setLabel(getTranslation("subscription.recipients"));
        recipients.setWidth("28em");
        Button subscribe = new Button(getTranslation("subscription.subscribe"), VaadinIcon.ENVELOPE_O.create());
        subscribe.setId(SUBSCRIBE_ID);
        subscribe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        subscribe.addClickListener(event -> subscribe());
        HorizontalLayout form = new HorizontalLayout(report, recipients, subscribe);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);

        grid.setId(GRID_ID);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(s -> s.titleKey() == null ? s.reportKey() : getTranslation(s.titleKey()))
                .setHeader(getTranslation("subscription.col.report")).setAutoWidth(true);
        grid.addColumn(s -> s.cadence() == null ? "" : getTranslation("subscription.cadence." + s.cadence().name()))
                .setHeader(getTranslation("subscription.col.cadence")).setAutoWidth(true);
        grid.addColumn(ReportSubscriptionView::recipients).setHeader(getTranslation("subscription.col.recipients"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.lastRunAt() == null ? "" : TIME.format(s.lastRunAt()))
                .setHeader(getTranslation("subscription.col.last.run")).setAutoWidth(true);
        grid.addColumn(s -> s.lastOutcome() == null ? ""
                        : getTranslation("subscription.outcome." + s.lastOutcome())
                        + (s.lastError() == null ? "" : " (" + s.lastError() + ")"))
                .setHeader(getTranslation("subscription.col.outcome")).setFlexGrow(1);
        grid.addComponentColumn(s -> {
            Button unsubscribe = new Button(getTranslation("subscription.unsubscribe"), event -> unsubscribe(s));
            unsubscribe.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return unsubscribe;
        }).setAutoWidth(true);

        add(form, grid);
        try {
            report.setItems(subscriptions.reports());
            refresh();
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private void subscribe() {
        try {
            ReportChoice choice = report.getValue();
            subscriptions.subscribe(choice == null ? null : choice.key(), recipients.getValue(), getLocale());
            Notifications.success("subscription.subscribed", getTranslation(choice.titleKey()));
            recipients.clear();
            refresh();
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private void unsubscribe(ReportSubscriptionView subscription) {
        try {
            subscriptions.unsubscribe(subscription.id());
            Notifications.success("subscription.unsubscribed");
            refresh();
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private void refresh() {
        grid.setItems(subscriptions.mine());
    }

    @Override
    public String pageTitleKey() {
        return "subscription.page.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
