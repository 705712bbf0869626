package io.jichao.archive.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import io.jichao.archive.CollectorService;
import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterImportService;
import io.jichao.archive.MeterName;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.archive.MeterState;
import io.jichao.archive.SiteStructureService;
import io.jichao.security.CurrentOperator;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * The meter archive (R21): a lazy grid over the operator's district with filters, and for
 * operators who may edit meters, create, edit, remove and import. Every row comes from
 * {@link MeterService} a page at a time; the view never holds the whole archive.
 */
@Route("meters")
@PermitAll
public class MeterGridView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String GRID_ID = "meter-grid";
    public static final String COUNT_ID = "meter-count";
    public static final String NEW_ID = "meter-new";
    public static final String EDIT_ID = "meter-edit";
    public static final String REMOVE_ID = "meter-remove";
    public static final String REMOVE_CONFIRM_ID = "meter-remove-confirm";
    public static final String IMPORT_ID = "meter-import";
    public static final String EXPORT_CSV_ID = "meter-export-csv";
    public static final String EXPORT_XLSX_ID = "meter-export-xlsx";
    public static final String FILTER_BUILDING_ID = "meter-filter-building";
    public static final String FILTER_FLOOR_ID = "meter-filter-floor";
    public static final String FILTER_PROTOCOL_ID = "meter-filter-protocol";
    public static final String FILTER_BILLING_MODE_ID = "meter-filter-billing-mode";
    public static final String FILTER_STATE_ID = "meter-filter-state";
    public static final String FILTER_TEXT_ID = "meter-filter-text";
    public static final String LIVE_ID = "meter-live";
    /** The collection feature's live view of one meter, addressed by URL so archive needs none of its code. */
    static final String LIVE_ROUTE = "meters/%d/live";

    private final transient MeterService meters;
    private final transient MeterImportService importer;
    private final transient ArchiveChoices choices;
    private final MeterFilterBar filterBar;
    private final MeterExportLinks exportLinks;
    private final Grid<MeterRow> grid = new Grid<>();
    private final Span count = new Span();
    private final Button edit = new Button();
    private final Button remove = new Button();
    private final Button live = new Button();

    public MeterGridView(MeterService meters, MeterImportService importer, SiteStructureService structure,
                         CollectorService collectors, CurrentOperator currentOperator) {
        this.meters = meters;
        this.importer = importer;
        this.choices = new ArchiveChoices(structure, collectors);
        boolean canEdit = currentOperator.get().has(Permission.EDIT_METERS);
        setSizeFull();

        filterBar = new MeterFilterBar(structure);
        filterBar.addFilterChangedListener(event -> refresh());
        exportLinks = new MeterExportLinks(meters, filterBar.filter());
        count.setId(COUNT_ID);

        configureGrid(canEdit);
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        if (canEdit) {
            actions.add(button(NEW_ID, "action.new", VaadinIcon.PLUS, click -> openForm(null)),
                    configure(edit, EDIT_ID, "action.edit", VaadinIcon.EDIT),
                    configure(remove, REMOVE_ID, "action.remove", VaadinIcon.TRASH),
                    button(IMPORT_ID, "action.import", VaadinIcon.UPLOAD, click -> openImport()));
            edit.addClickListener(click -> selected().ifPresent(row -> openForm(row.id())));
            remove.addClickListener(click -> selected().ifPresent(this::confirmRemove));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        actions.add(configure(live, LIVE_ID, "action.live", VaadinIcon.CHART_LINE));
        live.addClickListener(click -> selected().ifPresent(row -> UI.getCurrent().navigate(LIVE_ROUTE.formatted(row.id()))));
        actions.add(exportLinks.csv(), exportLinks.xlsx(), count);
        add(filterBar, actions, grid);
        refresh();
    }

    private void configureGrid(boolean canEdit) {
        grid.setId(GRID_ID);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        column(MeterRow::displayAddress, "meter.field.address", MeterSort.Column.ADDRESS);
        column(row -> row.buildingCode() + " " + row.buildingName(), "meter.field.building",
                MeterSort.Column.BUILDING);
        column(row -> row.floorLevel() == null ? "" : String.valueOf(row.floorLevel()), "meter.field.floor",
                MeterSort.Column.FLOOR);
        column(MeterRow::boxCode, "meter.field.box", null);
        column(MeterRow::room, "meter.field.room", MeterSort.Column.ROOM);
        column(MeterRow::householdName, "meter.field.household", MeterSort.Column.HOUSEHOLD);
        column(row -> EnumLabels.of(row.protocol()), "meter.field.protocol", MeterSort.Column.PROTOCOL);
        column(row -> EnumLabels.of(row.phase()), "meter.field.phase", null);
        column(row -> EnumLabels.of(row.billingMode()), "meter.field.billing_mode", MeterSort.Column.BILLING_MODE);
        column(row -> EnumLabels.of(row.state()), "meter.field.state", MeterSort.Column.STATE);
        column(row -> row.collectorName() == null ? "" : row.collectorName() + " #" + row.portNumber(),
                "meter.column.collector_port", null);
        grid.setItems(query -> meters.page(filterBar.filter(), query.getOffset(), query.getLimit(),
                sorts(query.getSortOrders())).stream(), query -> (int) meters.count(filterBar.filter()));
        grid.addSortListener(event -> exportLinks.sorts(sorts(event.getSortOrder().stream()
                .flatMap(order -> order.getSorted().getSortOrder(order.getDirection()))
                .toList())));
        grid.addSelectionListener(event -> updateButtons());
        if (canEdit) {
            grid.addItemDoubleClickListener(event -> {
                if (event.getItem().state() == MeterState.ACTIVE) {
                    openForm(event.getItem().id());
                }
            });
        }
    }

    private void column(ValueProvider<MeterRow, String> value, String headerKey, MeterSort.Column sort) {
        Grid.Column<MeterRow> column = grid.addColumn(value).setKey(headerKey)
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setResizable(true);
        if (sort != null) {
            column.setSortProperty(sort.name());
        }
    }

    /** Only columns that name a {@link MeterSort.Column} are sortable, so this never sees user text. */
    private static List<MeterSort> sorts(List<QuerySortOrder> orders) {
        List<MeterSort> sorts = orders.stream()
                .map(order -> new MeterSort(MeterSort.Column.valueOf(order.getSorted()),
                        order.getDirection() == SortDirection.ASCENDING))
                .toList();
        return sorts.isEmpty() ? List.of(MeterSort.byAddress()) : sorts;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        exportLinks.filter(filterBar.filter());
        count.setText(getTranslation("meter.count", meters.count(filterBar.filter())));
        updateButtons();
    }

    private void updateButtons() {
        boolean activeSelected = selected().filter(row -> row.state() == MeterState.ACTIVE).isPresent();
        edit.setEnabled(activeSelected);
        remove.setEnabled(activeSelected);
        live.setEnabled(activeSelected);
    }

    private Optional<MeterRow> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void openForm(Long meterId) {
        MeterForm form = new MeterForm(choices);
        form.addSaveListener(this::save);
        form.addCancelListener(event -> form.close());
        try {
            if (meterId == null) {
                form.createNew();
            } else {
                form.edit(meters.get(meterId), meters.name(meterId));
            }
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    private void save(MeterForm.SaveEvent event) {
        MeterName name;
        try {
            long saved;
            if (event.meterId() == null) {
                saved = meters.create(event.draft());
            } else {
                saved = event.meterId();
                meters.update(saved, event.draft());
            }
            name = meters.name(saved);
        } catch (DomainException e) {
            event.getSource().showError(e);
            return;
        }
        event.getSource().close();
        grid.deselectAll();
        refresh();
        Notifications.success("meter.saved", name.text());
    }

    private void confirmRemove(MeterRow row) {
        new MeterRemoveDialog(row, () -> {
            try {
                meters.remove(row.id());
                Notifications.success("meter.removed", MeterName.of(row).text());
            } catch (DomainException e) {
                Notifications.error(e);
            }
            grid.deselectAll();
            refresh();
        }).open();
    }

    private void openImport() {
        MeterImportDialog dialog = new MeterImportDialog(importer);
        dialog.addImportedListener(event -> refresh());
        dialog.open();
    }

    private Button button(String id, String key, VaadinIcon icon, ComponentEventListener<ClickEvent<Button>> click) {
        Button button = configure(new Button(), id, key, icon);
        button.addClickListener(click);
        return button;
    }

    private Button configure(Button button, String id, String key, VaadinIcon icon) {
        button.setId(id);
        button.setText(getTranslation(key));
        button.setIcon(icon.create());
        return button;
    }

    @Override
    public String pageTitleKey() {
        return "nav.meters";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
