package io.jichao.prepaid.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.OfficeView;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.LedgerJournalExportService;
import io.jichao.prepaid.LedgerJournalService;
import io.jichao.prepaid.LedgerJournalService.Filter;
import io.jichao.prepaid.LedgerJournalService.JournalEntry;
import io.jichao.prepaid.LedgerJournalService.KindTotal;
import io.jichao.prepaid.LedgerKind;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Finance's ledger journal: every ledger entry of a period of Shanghai days with filters (kind,
 * office, building, household), paged lazily, the totals per kind beneath, and XLSX/PDF downloads.
 * Thin over {@link LedgerJournalService}, which checks permission and district. Pushes nothing: it
 * reads again when attached and on "refresh".
 */
@Route("prepaid/ledger")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.FINANCE_NAME})
public class LedgerJournalView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String FROM_ID = "ledger-from";
    public static final String TO_ID = "ledger-to";
    public static final String KINDS_ID = "ledger-kinds";
    public static final String OFFICE_ID = "ledger-office";
    public static final String BUILDING_ID = "ledger-building";
    public static final String HOUSEHOLD_ID = "ledger-household";
    public static final String REFRESH_ID = "ledger-refresh";
    public static final String GRID_ID = "ledger-entries";
    public static final String TOTALS_ID = "ledger-totals";
    public static final String XLSX_ID = "ledger-xlsx";
    public static final String PDF_ID = "ledger-pdf";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient LedgerJournalService journal;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final MultiSelectComboBox<LedgerKind> kinds = new MultiSelectComboBox<>();
    private final ComboBox<OfficeView> office = new ComboBox<>();
    private final ComboBox<BuildingView> building = new ComboBox<>();
    private final TextField household = new TextField();
    private final Grid<JournalEntry> grid = new Grid<>();
    private final Grid<KindTotal> totals = new Grid<>();

    public LedgerJournalView(LedgerJournalService journal, LedgerJournalExportService exports,
                             SiteStructureService structure, Clock clock) {
        this.journal = journal;
        setSizeFull();
        Locale locale = getLocale();
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));

        from.setId(FROM_ID);
        from.setLabel(getTranslation("ledger.from"));
        from.setValue(today.withDayOfMonth(1));
        to.setId(TO_ID);
        to.setLabel(getTranslation("ledger.to"));
        to.setValue(today);
        kinds.setId(KINDS_ID);
        kinds.setLabel(getTranslation("ledger.kinds"));
        kinds.setItems(LedgerKind.values());
        kinds.setItemLabelGenerator(k -> getTranslation("ledger.kind." + k.name()));
        office.setId(OFFICE_ID);
        office.setLabel(getTranslation("ledger.office"));
        office.setClearButtonVisible(true);
        office.setItems(structure.offices());
        office.setItemLabelGenerator(OfficeView::name);
        building.setId(BUILDING_ID);
        building.setLabel(getTranslation("ledger.building"));
        building.setClearButtonVisible(true);
        building.setItems(structure.buildings());
        building.setItemLabelGenerator(b -> b.code() + " " + b.name());
        household.setId(HOUSEHOLD_ID);
        household.setLabel(getTranslation("ledger.household"));
        household.setClearButtonVisible(true);
        household.setValueChangeMode(ValueChangeMode.LAZY);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        kinds.addValueChangeListener(e -> refresh());
        office.addValueChangeListener(e -> refresh());
        building.addValueChangeListener(e -> refresh());
        household.addValueChangeListener(e -> refresh());
        Button refresh = new Button(getTranslation("journal.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId(REFRESH_ID);

        Anchor xlsx = link(XLSX_ID, "ledger.export.xlsx", VaadinIcon.FILE_TABLE, event -> {
            Filter filter = filter();
            event.setFileName(LedgerJournalExportService.fileName(filter) + ".xlsx");
            event.setContentType(SalesView.XLSX_TYPE);
            event.getOutputStream().write(exports.xlsx(filter, locale));
        });
        Anchor pdf = link(PDF_ID, "ledger.export.pdf", VaadinIcon.FILE_O, event -> {
            Filter filter = filter();
            event.setFileName(LedgerJournalExportService.fileName(filter) + ".pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(exports.pdf(filter, locale));
        });
        HorizontalLayout filters = new HorizontalLayout(from, to, kinds, office, building, household, refresh, xlsx, pdf);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        filters.setWrap(true);

        grid.setId(GRID_ID);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader(getTranslation("ledger.col.time")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("ledger.kind." + e.kind().name()))
                .setHeader(getTranslation("ledger.col.kind")).setAutoWidth(true);
        grid.addColumn(e -> e.amount().toString()).setHeader(getTranslation("ledger.col.amount")).setAutoWidth(true);
        grid.addColumn(e -> e.kwh().toString()).setHeader(getTranslation("ledger.col.kwh")).setAutoWidth(true);
        grid.addColumn(e -> e.room() + " " + e.householdName())
                .setHeader(getTranslation("ledger.col.household")).setAutoWidth(true);
        grid.addColumn(JournalEntry::building).setHeader(getTranslation("ledger.col.building")).setAutoWidth(true);
        grid.addColumn(e -> e.office() == null ? getTranslation("sales.office.none") : e.office())
                .setHeader(getTranslation("ledger.col.office")).setAutoWidth(true);
        grid.addColumn(e -> e.orderId() == null ? "" : String.valueOf(e.orderId()))
                .setHeader(getTranslation("ledger.col.order")).setAutoWidth(true);
        grid.addColumn(JournalEntry::operatorName).setHeader(getTranslation("ledger.col.operator")).setAutoWidth(true);
        grid.addColumn(e -> e.memo() == null ? "" : e.memo()).setHeader(getTranslation("ledger.col.memo")).setFlexGrow(1);
        grid.setItems(query -> journal.page(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> journal.count(filter()));

        totals.setId(TOTALS_ID);
        totals.addThemeVariants(GridVariant.LUMO_COMPACT);
        totals.setAllRowsVisible(true);
        totals.addColumn(t -> getTranslation("ledger.kind." + t.kind().name()))
                .setHeader(getTranslation("ledger.col.kind")).setAutoWidth(true);
        totals.addColumn(KindTotal::entries).setHeader(getTranslation("ledger.col.entries")).setAutoWidth(true);
        totals.addColumn(t -> t.amount().toString()).setHeader(getTranslation("ledger.col.amount")).setAutoWidth(true);
        totals.addColumn(t -> t.kwh().toString()).setHeader(getTranslation("ledger.col.kwh")).setFlexGrow(1);

        add(filters, grid, new H3(getTranslation("ledger.totals")), totals);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
    }

    private Filter filter() {
        return new Filter(from.getValue(), to.getValue(), kinds.getValue(),
                office.getValue() == null ? null : office.getValue().id(),
                building.getValue() == null ? null : building.getValue().id(), household.getValue());
    }

    private void refresh() {
        try {
            totals.setItems(journal.totals(filter()));
            grid.getDataProvider().refreshAll();
        } catch (DomainException refused) {
            totals.setItems();
            Notifications.error(refused);
        }
    }

    private Anchor link(String id, String key, VaadinIcon icon, DownloadHandler handler) {
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        anchor.setId(id);
        anchor.add(new Button(getTranslation(key), icon.create()));
        return anchor;
    }

    @Override
    public String pageTitleKey() {
        return "ledger.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
