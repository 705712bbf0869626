package io.jichao.admin.ui;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.audit.AuditEvent;
import io.jichao.audit.AuditExportService;
import io.jichao.audit.AuditFilter;
import io.jichao.audit.AuditLog;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * The audit page (R2, issue 17 item 4): who did what, when, to what, with which result, newest
 * first, filtered by operator, action, target and days; the grid loads lazily page by page and the
 * export writes the filtered rows as XLSX. Thin over {@link AuditLog}, which decides what the
 * reader may see (super admin: everything; finance: the money actions) and refuses anyone else.
 */
@Route("audit")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.FINANCE_NAME})
public class AuditView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String GRID_ID = "audit-grid";
    public static final String EXPORT_ID = "audit-export";
    public static final String COUNT_ID = "audit-count";
    public static final String MONEY_ONLY_ID = "audit-money-only";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient AuditLog log;
    private final Grid<AuditEvent> grid = new Grid<>();
    private final Span count = new Span();
    private final AuditFilterBar filters;
    private AuditFilter filter = AuditFilter.everything();

    public AuditView(AuditLog log, AuditExportService exports, Clock clock) {
        this.log = log;
        setSizeFull();
        Locale locale = getLocale();
        filters = new AuditFilterBar(log.actions(), this::filterChanged);

        Anchor export = new Anchor(event -> {
            event.setFileName(AuditExportService.fileName(clock.instant()));
            event.setContentType(XLSX_TYPE);
            event.getOutputStream().write(exports.xlsx(filter, locale));
        }, AttachmentType.DOWNLOAD, "");
        export.setId(EXPORT_ID);
        export.add(new Button(getTranslation("audit.export.xlsx"), VaadinIcon.FILE_TABLE.create()));
        count.setId(COUNT_ID);
        HorizontalLayout actions = new HorizontalLayout(export, count);
        if (log.moneyOnly()) {
            Span moneyOnly = new Span(getTranslation("audit.money.only"));
            moneyOnly.setId(MONEY_ONLY_ID);
            actions.add(moneyOnly);
        }
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        configureGrid();
        add(filters, actions, grid);
        show();
    }

    private void configureGrid() {
        grid.setId(GRID_ID);
        grid.setSizeFull();
        grid.setPageSize(100);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> TIME.format(e.getOccurredAt())).setHeader(getTranslation("audit.col.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::getOperatorUsername).setHeader(getTranslation("audit.col.operator"))
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::getAction).setHeader(getTranslation("audit.col.action")).setAutoWidth(true);
        grid.addColumn(AuditEvent::getTarget).setHeader(getTranslation("audit.col.target")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.outcome." + e.getOutcome().name()))
                .setHeader(getTranslation("audit.col.outcome")).setAutoWidth(true);
        grid.addColumn(AuditEvent::getDetails).setHeader(getTranslation("audit.col.details")).setFlexGrow(1);
    }

    private void filterChanged() {
        try {
            filter = filters.filter();
        } catch (DomainException refused) {
            Notifications.error(refused);
            return;
        }
        show();
    }

    private void show() {
        AuditFilter shown = filter;
        try {
            // One count per filter change, shared by the label and the grid's size.
            long total = log.count(shown);
            count.setText(getTranslation("audit.count", total));
            grid.setItems(query -> log.page(shown, query.getOffset(), query.getLimit()).stream(),
                    query -> (int) Math.min(Integer.MAX_VALUE, total));
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    @Override
    public String pageTitleKey() {
        return "nav.audit";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
