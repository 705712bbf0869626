package io.jichao.collection.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.collection.CollectionSchedule;
import io.jichao.collection.CollectionScheduleService;
import io.jichao.collection.CollectionScheduleService.ScheduleListing;
import io.jichao.collection.ScheduleDraft;
import io.jichao.collection.ScheduleTiming;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * The reading schedules the operator may manage (issue item "Cycles"): what each reads, when,
 * from which collectors, its last run and next run, and while it runs in this process its
 * progress (the page refreshes every few seconds). The daily clock sync is shown read-only: it is
 * configured, not stored. The service decides what the operator sees and may change.
 */
@Route("collection/schedules")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.MAINTAINER_NAME})
public class CollectionSchedulesView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String GRID_ID = "schedules-grid";
    public static final String NEW_ID = "schedules-new";
    public static final String EDIT_ID = "schedules-edit";
    public static final String TOGGLE_ID = "schedules-toggle";
    public static final String DELETE_ID = "schedules-delete";
    public static final String RUN_NOW_ID = "schedules-run-now";
    public static final String CLOCK_SYNC_ID = "schedules-clock-sync";
    static final int POLL_MILLIS = 5000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient CollectionScheduleService schedules;
    private final Grid<ScheduleListing> grid = new Grid<>();
    private final Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create());
    private final Button toggle = new Button(getTranslation("action.disable"));
    private final Button delete = new Button(getTranslation("schedules.delete"), VaadinIcon.TRASH.create());
    private final Button runNow = new Button(getTranslation("schedules.run.now"), VaadinIcon.PLAY.create());
    private final RunCoverageDetails lastRunDetails = new RunCoverageDetails();
    private Registration poll;

    public CollectionSchedulesView(CollectionScheduleService schedules) {
        this.schedules = schedules;
        setSizeFull();
        Button create = new Button(getTranslation("action.new"), VaadinIcon.PLUS.create(), click -> openForm(null));
        create.setId(NEW_ID);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        edit.setId(EDIT_ID);
        edit.addClickListener(click -> selected().ifPresent(listing -> openForm(listing.schedule())));
        toggle.setId(TOGGLE_ID);
        toggle.addClickListener(click -> selected().ifPresent(this::toggle));
        delete.setId(DELETE_ID);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(click -> selected().ifPresent(this::confirmDelete));
        runNow.setId(RUN_NOW_ID);
        runNow.addClickListener(click -> selected().ifPresent(this::runNow));

        grid.setId(GRID_ID);
        grid.addColumn(l -> l.schedule().name()).setHeader(getTranslation("schedules.name")).setKey("name")
                .setAutoWidth(true);
        grid.addColumn(l -> timing(l.schedule().timing())).setHeader(getTranslation("schedules.timing"))
                .setKey("timing").setAutoWidth(true);
        grid.addColumn(l -> l.schedule().items().stream().sorted()
                        .map(item -> getTranslation("reading.item." + item.name())).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("schedules.items")).setKey("items").setFlexGrow(1);
        grid.addColumn(l -> l.schedule().coversAllCollectors() ? getTranslation("schedules.collectors.all")
                        : String.join(", ", l.collectorNames()))
                .setHeader(getTranslation("schedules.collectors")).setKey("collectors").setAutoWidth(true);
        grid.addColumn(l -> getTranslation(l.schedule().enabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("schedules.enabled")).setKey("enabled").setAutoWidth(true);
        grid.addColumn(lastRunDetails::summary).setHeader(getTranslation("schedules.last.run")).setKey("lastRun")
                .setAutoWidth(true);
        grid.addColumn(l -> l.schedule().nextRunAt() == null ? getTranslation("schedules.next.run.none")
                        : TIME.format(l.schedule().nextRunAt()))
                .setHeader(getTranslation("schedules.next.run")).setKey("nextRun").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(event -> updateActions());

        var clockSync = schedules.clockSync();
        Span clock = new Span(getTranslation("schedules.clock.sync", clockSync.cron(), clockSync.zone()));
        clock.setId(CLOCK_SYNC_ID);
        add(new HorizontalLayout(create, edit, toggle, delete, runNow), grid, lastRunDetails, clock);
        refresh(null);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        poll = event.getUI().addPollListener(tick -> refresh(selected().map(l -> l.schedule().id()).orElse(null)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }

    private void openForm(CollectionSchedule existing) {
        ScheduleForm form = new ScheduleForm(schedules.collectorChoices());
        Dialog dialog = new Dialog(form);
        dialog.setHeaderTitle(getTranslation(existing == null ? "schedules.new" : "schedules.edit"));
        dialog.setWidth("40em");
        if (existing != null) {
            form.edit(existing);
        }
        form.addCancelListener(event -> dialog.close());
        form.addSaveListener(event -> act(form::show, () -> {
            ScheduleDraft draft = event.draft();
            long id = existing == null ? schedules.create(draft) : update(existing.id(), draft);
            dialog.close();
            Notifications.success("schedules.saved", draft.name().trim());
            refresh(id);
        }));
        dialog.open();
    }

    private long update(long id, ScheduleDraft draft) {
        schedules.update(id, draft);
        return id;
    }

    private void toggle(ScheduleListing listing) {
        CollectionSchedule schedule = listing.schedule();
        act(Notifications::error, () -> {
            schedules.setEnabled(schedule.id(), !schedule.enabled());
            Notifications.success(schedule.enabled() ? "schedules.disabled.now" : "schedules.enabled.now",
                    schedule.name());
            refresh(schedule.id());
        });
    }

    private void confirmDelete(ScheduleListing listing) {
        CollectionSchedule schedule = listing.schedule();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("schedules.delete"));
        confirm.setText(getTranslation("schedules.delete.confirm", schedule.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("schedules.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> act(Notifications::error, () -> {
            schedules.delete(schedule.id());
            Notifications.success("schedules.deleted", schedule.name());
            refresh(null);
        }));
        confirm.open();
    }

    private void runNow(ScheduleListing listing) {
        act(Notifications::error, () -> {
            schedules.runNow(listing.schedule().id());
            Notifications.success("schedules.run.planned", listing.schedule().name(),
                    schedules.dispatchTick().toSeconds());
            refresh(listing.schedule().id());
        });
    }

    private static void act(Consumer<DomainException> onRefusal, Runnable action) {
        try {
            action.run();
        } catch (DomainException refusal) {
            onRefusal.accept(refusal);
        }
    }

    private void refresh(Long selectId) {
        List<ScheduleListing> all = schedules.list();
        grid.setItems(all);
        all.stream().filter(l -> selectId != null && l.schedule().id() == selectId).findFirst().ifPresent(grid::select);
        updateActions();
    }

    private Optional<ScheduleListing> selected() {
        return grid.asSingleSelect().getOptionalValue();
    }

    private void updateActions() {
        Optional<ScheduleListing> listing = selected();
        edit.setEnabled(listing.isPresent());
        delete.setEnabled(listing.isPresent());
        toggle.setEnabled(listing.isPresent());
        toggle.setText(getTranslation(listing.map(l -> l.schedule().enabled()).orElse(true)
                ? "action.disable" : "action.enable"));
        runNow.setEnabled(listing.map(l -> l.schedule().enabled()).orElse(false));
        lastRunDetails.show(listing);
    }

    private String timing(ScheduleTiming timing) {
        return switch (timing) {
            case ScheduleTiming.Every every -> getTranslation("schedules.timing.every", every.minutes());
            case ScheduleTiming.DailyAt daily -> getTranslation("schedules.timing.daily", daily.time());
        };
    }

    @Override
    public String pageTitleKey() {
        return "nav.schedules";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
