package io.jichao.alarm.ui;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
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
import jakarta.annotation.security.PermitAll;

import io.jichao.alarm.AlarmExportService;
import io.jichao.alarm.AlarmFilter;
import io.jichao.alarm.AlarmRow;
import io.jichao.alarm.AlarmService;
import io.jichao.alarm.AlarmState;
import io.jichao.archive.SiteStructureService;
import io.jichao.notify.NotificationView;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * The alarm list (R17, issue 6 item 6): the district's alarms, active ones by default and cleared
 * ones with the history toggle, filtered by state, severity, kind, building and days; a colour
 * badge per severity; acknowledge one or the selected; XLSX export of what the filter shows. Thin
 * over {@link AlarmService}, which checks permission and district; every role sees alarms, only
 * maintenance (DEVICE_CONTROL) gets the acknowledge buttons.
 */
@Route("alarms")
@PermitAll
public class AlarmsView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String GRID_ID = "alarms-grid";
    public static final String ACKNOWLEDGE_SELECTED_ID = "alarms-acknowledge-selected";
    public static final String ACKNOWLEDGE_PREFIX = "alarms-acknowledge-";
    public static final String EXPORT_ID = "alarms-export";
    public static final String COUNT_ID = "alarms-count";
    public static final String SEVERITY_COLUMN = "severity";
    public static final String ACKNOWLEDGE_COLUMN = "acknowledge";
    public static final String SMS_COLUMN = "sms";
    public static final String SMS_PREFIX = "alarms-sms-";
    public static final String SMS_DIALOG_ID = "alarms-sms-dialog";
    public static final String SMS_GRID_ID = "alarms-sms-grid";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final transient AlarmService alarms;
    private final Grid<AlarmRow> grid = new Grid<>();
    private final Span count = new Span();
    private final AlarmFilterBar filters;
    private final boolean canAcknowledge;
    private final Button acknowledgeSelected = new Button();

    public AlarmsView(AlarmService alarms, AlarmExportService exports, SiteStructureService structure, Clock clock) {
        this.alarms = alarms;
        this.canAcknowledge = alarms.canAcknowledge();
        setSizeFull();
        Locale locale = getLocale();
        filters = new AlarmFilterBar(structure.buildings(), filter -> refresh());

        acknowledgeSelected.setId(ACKNOWLEDGE_SELECTED_ID);
        acknowledgeSelected.setText(getTranslation("alarms.acknowledge.selected"));
        acknowledgeSelected.setIcon(VaadinIcon.CHECK_SQUARE_O.create());
        acknowledgeSelected.setVisible(canAcknowledge);
        acknowledgeSelected.setEnabled(false);
        acknowledgeSelected.addClickListener(e -> acknowledge(grid.getSelectedItems()));
        Anchor export = new Anchor(event -> {
            event.setFileName(AlarmExportService.fileName(clock.instant()));
            event.setContentType(XLSX_TYPE);
            event.getOutputStream().write(exports.xlsx(filters.filter(), locale));
        }, AttachmentType.DOWNLOAD, "");
        export.setId(EXPORT_ID);
        export.add(new Button(getTranslation("alarms.export.xlsx"), VaadinIcon.FILE_TABLE.create()));
        count.setId(COUNT_ID);
        HorizontalLayout actions = new HorizontalLayout(acknowledgeSelected, export, count);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        configureGrid();
        add(filters, actions, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId(GRID_ID);
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        if (canAcknowledge) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.addSelectionListener(e -> acknowledgeSelected.setEnabled(
                    e.getAllSelectedItems().stream().anyMatch(r -> r.state() == AlarmState.RAISED)));
        }
        grid.addComponentColumn(r -> new SeverityBadge(r.severity(), getTranslation("alarm.severity." + r.severity().name())))
                .setHeader(getTranslation("alarms.col.severity")).setKey(SEVERITY_COLUMN).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> getTranslation("alarm.kind." + r.kind().name()))
                .setHeader(getTranslation("alarms.col.kind")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("alarm.state." + r.state().name()))
                .setHeader(getTranslation("alarms.col.state")).setAutoWidth(true);
        grid.addColumn(AlarmRow::subject).setHeader(getTranslation("alarms.col.subject")).setAutoWidth(true);
        grid.addColumn(AlarmRow::buildingName).setHeader(getTranslation("alarms.col.building")).setAutoWidth(true);
        grid.addColumn(AlarmRow::detail).setHeader(getTranslation("alarms.col.detail")).setFlexGrow(1);
        grid.addColumn(r -> AlarmTimes.format(r.raisedAt())).setHeader(getTranslation("alarms.col.raised"))
                .setAutoWidth(true);
        grid.addColumn(r -> AlarmTimes.format(r.lastSeenAt())).setHeader(getTranslation("alarms.col.last.seen"))
                .setAutoWidth(true);
        grid.addColumn(AlarmRow::occurrences).setHeader(getTranslation("alarms.col.occurrences")).setAutoWidth(true);
        grid.addColumn(r -> r.acknowledgedBy() == null ? "" : r.acknowledgedBy() + " " + AlarmTimes.format(r.acknowledgedAt()))
                .setHeader(getTranslation("alarms.col.acknowledged.by")).setAutoWidth(true);
        grid.addColumn(r -> AlarmTimes.format(r.clearedAt())).setHeader(getTranslation("alarms.col.cleared"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::smsButton).setKey(SMS_COLUMN).setAutoWidth(true).setFlexGrow(0);
        if (canAcknowledge) {
            grid.addComponentColumn(this::acknowledgeButton).setKey(ACKNOWLEDGE_COLUMN).setAutoWidth(true)
                    .setFlexGrow(0);
        }
    }

    private Button smsButton(AlarmRow row) {
        Button button = new Button(getTranslation("alarm.sms.show"), VaadinIcon.ENVELOPE_O.create(),
                e -> showSms(row));
        button.setId(SMS_PREFIX + row.id());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void showSms(AlarmRow row) {
        List<NotificationView> messages;
        try {
            messages = alarms.smsMessages(row.id());
        } catch (DomainException refused) {
            Notifications.error(refused);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId(SMS_DIALOG_ID);
        dialog.setHeaderTitle(getTranslation("alarm.sms.title") + " · " + getTranslation("alarm.kind." + row.kind().name())
                + " · " + row.subject());
        if (messages.isEmpty()) {
            dialog.add(new Span(getTranslation("alarm.sms.none")));
        } else {
            Grid<NotificationView> sms = new Grid<>();
            sms.setId(SMS_GRID_ID);
            sms.addThemeVariants(GridVariant.LUMO_COMPACT);
            sms.addColumn(NotificationView::phone).setHeader(getTranslation("alarm.sms.phone")).setAutoWidth(true);
            sms.addColumn(m -> m.escalationStep() == null ? "" : String.valueOf(m.escalationStep() + 1))
                    .setHeader(getTranslation("alarm.sms.step")).setAutoWidth(true);
            sms.addColumn(m -> getTranslation("notifications.state." + m.state().name())).setHeader(getTranslation("alarm.sms.state")).setAutoWidth(true);
            sms.addColumn(m -> AlarmTimes.format(m.createdAt())).setHeader(getTranslation("alarm.sms.created"))
                    .setAutoWidth(true);
            sms.addColumn(NotificationView::body).setHeader(getTranslation("alarm.sms.body")).setFlexGrow(1);
            sms.setItems(messages);
            sms.setWidth("900px");
            sms.setAllRowsVisible(true);
            dialog.add(sms);
        }
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private Span acknowledgeButton(AlarmRow row) {
        Span cell = new Span();
        if (row.state() == AlarmState.RAISED) {
            Button button = new Button(getTranslation("alarms.acknowledge"), e -> acknowledge(Set.of(row)));
            button.setId(ACKNOWLEDGE_PREFIX + row.id());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            cell.add(button);
        }
        return cell;
    }

    private void acknowledge(Set<AlarmRow> rows) {
        try {
            int done = alarms.acknowledgeAll(rows.stream().map(AlarmRow::id).toList());
            Notifications.success("alarms.acknowledged", done);
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
        refresh();
    }

    private void refresh() {
        try {
            AlarmFilter filter = filters.filter();
            List<AlarmRow> rows = alarms.list(filter);
            grid.setItems(rows);
            grid.deselectAll();
            acknowledgeSelected.setEnabled(false);
            count.setText(getTranslation(rows.size() >= AlarmService.MAX_ROWS ? "alarms.count.limited" : "alarms.count",
                    rows.size()));
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    @Override
    public String pageTitleKey() {
        return "nav.alarms";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
