package io.jichao.collection.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.TreeSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.collection.control.FriendlyHours;
import io.jichao.collection.control.FriendlyHoursService;
import io.jichao.collection.control.HeldMeter;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Gentle cut-off (issue 5 item 8): the friendly hours in which arrears may cut power (windows,
 * weekends, holidays; changed by a whole-site manager), whether now is such a time, and the meters
 * the engine holds in keep-power until then, with why.
 */
@Route("collection/gentle-cutoff")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.MAINTAINER_NAME})
public class GentleCutoffView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String NOW_ID = "gentle-now";
    public static final String WINDOWS_ID = "gentle-windows";
    public static final String WEEKENDS_ID = "gentle-weekends";
    public static final String HOLIDAY_ID = "gentle-holiday";
    public static final String HOLIDAY_ADD_ID = "gentle-holiday-add";
    public static final String HOLIDAYS_ID = "gentle-holidays";
    public static final String SAVE_ID = "gentle-save";
    public static final String HOLDS_ID = "gentle-holds";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient FriendlyHoursService service;
    private final Span now = new Span();
    private final TextField windows = new TextField();
    private final Checkbox weekends = new Checkbox();
    private final DatePicker holiday = new DatePicker();
    private final Grid<LocalDate> holidays = new Grid<>();
    private final Grid<HeldMeter> holds = new Grid<>();
    private final TreeSet<LocalDate> holidayDays = new TreeSet<>();

    public GentleCutoffView(FriendlyHoursService service) {
        this.service = service;
        setSizeFull();
        now.setId(NOW_ID);
        windows.setId(WINDOWS_ID);
        windows.setLabel(getTranslation("control.gentle.windows"));
        windows.setWidth("24em");
        weekends.setId(WEEKENDS_ID);
        weekends.setLabel(getTranslation("control.gentle.weekends"));
        holiday.setId(HOLIDAY_ID);
        holiday.setLabel(getTranslation("control.gentle.holidays"));
        Button add = new Button(getTranslation("control.gentle.holiday.add"), click -> addHoliday());
        add.setId(HOLIDAY_ADD_ID);
        holidays.setId(HOLIDAYS_ID);
        holidays.setAllRowsVisible(true);
        holidays.setWidth("24em");
        holidays.addColumn(LocalDate::toString).setHeader(getTranslation("control.gentle.holidays"));
        holidays.addComponentColumn(day -> new Button(getTranslation("control.gentle.holiday.remove"), click -> {
            holidayDays.remove(day);
            holidays.setItems(holidayDays);
        }));
        Button save = new Button(getTranslation("control.gentle.save"), click -> save());
        save.setId(SAVE_ID);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        boolean editable = service.mayChange();
        windows.setReadOnly(!editable);
        weekends.setReadOnly(!editable);
        add.setEnabled(editable);
        save.setEnabled(editable);
        HorizontalLayout rules = new HorizontalLayout(windows, weekends);
        rules.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout holidayRow = new HorizontalLayout(holiday, add);
        holidayRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        holds.setId(HOLDS_ID);
        holds.addColumn(HeldMeter::address).setHeader(getTranslation("control.col.address")).setAutoWidth(true);
        holds.addColumn(h -> TIME.format(h.heldAt())).setHeader(getTranslation("control.col.held.at"));
        holds.addColumn(h -> getTranslation("control.gentle.why", OverloadTexts.kw(h.remainingKwh()),
                OverloadTexts.kw(h.thresholdKwh()), getTranslation("control.quiet." + h.quiet().name())))
                .setHeader(getTranslation("control.col.why")).setFlexGrow(2);
        holds.addColumn(HeldMeter::releaseAttempts).setHeader(getTranslation("control.col.release"));
        holds.addColumn(h -> h.lastError() == null ? "" : h.lastError()).setHeader(getTranslation("control.col.error"));
        add(now, rules, holidayRow, holidays, save, new H4(getTranslation("control.gentle.holds")), holds);
        load();
    }

    private void load() {
        FriendlyHours hours = service.hours();
        windows.setValue(hours.windowsText());
        weekends.setValue(hours.weekendsAllowed());
        holidayDays.clear();
        holidayDays.addAll(hours.holidays());
        holidays.setItems(holidayDays);
        now.setText(service.quietNow().map(quiet -> getTranslation("control.gentle.now.quiet",
                getTranslation("control.quiet." + quiet.name()))).orElse(getTranslation("control.gentle.now.allowed")));
        holds.setItems(service.holds());
    }

    private void addHoliday() {
        if (holiday.getValue() != null) {
            holidayDays.add(holiday.getValue());
            holidays.setItems(holidayDays);
            holiday.clear();
        }
    }

    private void save() {
        try {
            service.save(new FriendlyHours(FriendlyHours.parseWindows(windows.getValue()), weekends.getValue(),
                    holidayDays));
            Notifications.success("control.gentle.saved");
            load();
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    @Override
    public String pageTitleKey() {
        return "control.gentle.page";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
