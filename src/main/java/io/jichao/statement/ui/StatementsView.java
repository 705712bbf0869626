package io.jichao.statement.ui;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;
import io.jichao.statement.BatchFormat;
import io.jichao.statement.BatchProgress;
import io.jichao.statement.StatementBatchService;
import io.jichao.statement.StatementService;

/**
 * Monthly statements (issue 7 item 3): one household's PDF (find the meter, download), and the
 * whole district as a ZIP built in the background. The batch's progress arrives on the batch's
 * thread and is applied through {@code UI.access} (server push), so the page stays usable while it
 * runs; cancel stops it; the download link appears when it is done. Thin over the services, which
 * check FINANCE and the district.
 */
@Route("statements")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.FINANCE_NAME})
public class StatementsView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String MONTH_ID = "statements-month";
    public static final String SEARCH_ID = "statements-search";
    public static final String METERS_ID = "statements-meters";
    public static final String SINGLE_ID = "statements-single";
    public static final String FORMAT_ID = "statements-batch-format";
    public static final String START_ID = "statements-batch-start";
    public static final String CANCEL_ID = "statements-batch-cancel";
    public static final String PROGRESS_ID = "statements-batch-progress";
    public static final String STATUS_ID = "statements-batch-status";
    public static final String DOWNLOAD_ID = "statements-batch-download";
    static final int MAX_HITS = 50;

    private final transient StatementService statements;
    private final transient StatementBatchService batches;
    private final transient MeterService meters;
    private final ComboBox<YearMonth> month;
    private final TextField search = new TextField();
    private final Grid<MeterRow> hits = new Grid<>();
    private final Anchor single;
    private final RadioButtonGroup<BatchFormat> format = new RadioButtonGroup<>();
    private final Button start = new Button();
    private final Button cancel = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Anchor download;
    private UUID batchId;
    private transient Runnable unsubscribe;

    public StatementsView(StatementService statements, StatementBatchService batches, MeterService meters, Clock clock) {
        this.statements = statements;
        this.batches = batches;
        this.meters = meters;
        Locale locale = getLocale();
        month = MonthChoice.create(MONTH_ID, getTranslation("statement.month"), clock);

        search.setId(SEARCH_ID);
        search.setPlaceholder(getTranslation("statement.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("28em");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> search(event.getValue()));
        hits.setId(METERS_ID);
        hits.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        hits.setHeight("14em");
        hits.addColumn(MeterRow::room).setHeader(getTranslation("meter.field.room")).setAutoWidth(true);
        hits.addColumn(MeterRow::householdName).setHeader(getTranslation("meter.field.household")).setAutoWidth(true);
        hits.addColumn(MeterRow::displayAddress).setHeader(getTranslation("meter.field.address")).setAutoWidth(true);
        hits.addColumn(row -> row.buildingCode() + " " + row.buildingName())
                .setHeader(getTranslation("meter.field.building")).setAutoWidth(true);
        single = link(SINGLE_ID, "statement.download", VaadinIcon.FILE_O, event -> {
            MeterRow meter = hits.asSingleSelect().getValue();
            YearMonth chosen = month.getValue();
            byte[] pdf = statements.statementOfMeter(meter.id(), chosen, locale);
            event.setFileName("statement-" + chosen + "-" + meter.address() + ".pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(pdf);
        });
        single.setEnabled(false);
        hits.addSelectionListener(event -> single.setEnabled(event.getFirstSelectedItem().isPresent()));

        format.setId(FORMAT_ID);
        format.setLabel(getTranslation("statement.batch.format"));
        format.setItems(BatchFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("statement.batch.format." + f.name()));
        format.setValue(BatchFormat.ZIP);
        start.setId(START_ID);
        start.setText(getTranslation("statement.batch.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(event -> startBatch(locale));
        cancel.setId(CANCEL_ID);
        cancel.setText(getTranslation("statement.batch.cancel"));
        cancel.setEnabled(false);
        cancel.addClickListener(event -> cancelBatch());
        progress.setId(PROGRESS_ID);
        progress.setWidth("28em");
        progress.setVisible(false);
        status.setId(STATUS_ID);
        download = link(DOWNLOAD_ID, "statement.batch.download", VaadinIcon.DOWNLOAD, event -> {
            event.setFileName(batches.fileName(batchId));
            event.setContentType(batches.contentType(batchId));
            batches.download(batchId, event.getOutputStream());
        });
        download.setVisible(false);

        HorizontalLayout singleRow = new HorizontalLayout(search, single);
        singleRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        HorizontalLayout batchRow = new HorizontalLayout(format, start, cancel, download);
        batchRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        add(month, new H3(getTranslation("statement.single")), singleRow, hits,
                new H3(getTranslation("statement.batch")), batchRow, progress, status);
    }

    private void search(String value) {
        String wanted = value == null ? "" : value.strip();
        if (wanted.isEmpty()) {
            hits.setItems(List.of());
            return;
        }
        hits.setItems(meters.page(MeterFilter.none().withText(wanted), 0, MAX_HITS, List.of(MeterSort.byAddress()))
                .stream().filter(row -> row.householdName() != null).toList());
    }

    private void startBatch(Locale locale) {
        try {
            stopListening();
            BatchProgress started = batches.start(month.getValue(), locale, format.getValue());
            batchId = started.id();
            download.setVisible(false);
            progress.setVisible(true);
            listen();
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private void listen() {
        UI ui = UI.getCurrent();
        UUID id = batchId;
        unsubscribe = batches.subscribe(id, update -> ui.access(() -> show(update)));
    }

    private void cancelBatch() {
        try {
            batches.cancel(batchId);
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private void show(BatchProgress update) {
        if (!update.id().equals(batchId)) {
            return;
        }
        progress.setMax(Math.max(1, update.total()));
        progress.setValue(Math.min(update.done(), Math.max(1, update.total())));
        status.setText(getTranslation("statement.batch.status." + update.state().name(), update.done(), update.total()));
        start.setEnabled(update.finished());
        cancel.setEnabled(!update.finished());
        download.setVisible(update.state() == BatchProgress.State.DONE);
    }

    private void stopListening() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (batchId != null && unsubscribe == null) {
            try {
                listen();
            } catch (DomainException expired) {
                batchId = null;
            }
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopListening();
        super.onDetach(detachEvent);
    }

    private Anchor link(String id, String key, VaadinIcon icon, DownloadHandler handler) {
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        anchor.setId(id);
        anchor.add(new Button(getTranslation(key), icon.create()));
        return anchor;
    }

    @Override
    public String pageTitleKey() {
        return "statement.page.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
