package io.jichao.admin.ui;

import java.time.format.DateTimeFormatter;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.jichao.archive.SiteStructureService;
import io.jichao.collection.DialInCommissioning;
import io.jichao.collection.UnknownDialIn;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.Notifications;

/**
 * "Unknown dial-ins" on the collectors page (issue 13.4): connections to the dial-in listener that
 * named no known collector port, newest first, with what they sent; from one of them an admin
 * creates the collector in one step. Empty when the engine does not run in this process.
 */
public class UnknownDialInsPanel extends VerticalLayout {

    public static final String GRID_ID = "unknown-dial-ins-grid";
    public static final String COMMISSION_ID = "unknown-dial-ins-commission";
    public static final String REFRESH_ID = "unknown-dial-ins-refresh";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient DialInCommissioning commissioning;
    private final transient SiteStructureService structure;
    private final transient LongConsumer created;
    private final Grid<UnknownDialIn> grid = new Grid<>();
    private final Button commission = new Button(getTranslation("dial-in.unknown.commission"),
            VaadinIcon.PLUS.create());

    /** {@code created} gets the new collector's ID, so the page can show it. */
    public UnknownDialInsPanel(DialInCommissioning commissioning, SiteStructureService structure,
                               LongConsumer created) {
        this.commissioning = commissioning;
        this.structure = structure;
        this.created = created;
        setPadding(false);
        grid.setId(GRID_ID);
        grid.addColumn(UnknownDialIn::sourceHost).setHeader(getTranslation("dial-in.unknown.source")).setKey("source")
                .setAutoWidth(true);
        grid.addColumn(UnknownDialIn::hex).setHeader(getTranslation("dial-in.unknown.hex")).setKey("hex")
                .setFlexGrow(1);
        grid.addColumn(UnknownDialIn::text).setHeader(getTranslation("dial-in.unknown.text")).setKey("text")
                .setAutoWidth(true);
        grid.addColumn(d -> d.registrationId() == null ? ""
                        : getTranslation("dial-in.unknown.registration.value", d.registrationId(), d.portNumber()))
                .setHeader(getTranslation("dial-in.unknown.registration")).setKey("registration").setAutoWidth(true);
        grid.addColumn(d -> TIME.format(d.lastSeen())).setHeader(getTranslation("dial-in.unknown.time"))
                .setKey("time").setAutoWidth(true);
        grid.addColumn(UnknownDialIn::count).setHeader(getTranslation("dial-in.unknown.count")).setKey("count")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(event -> commission.setEnabled(event.getValue() != null));
        commission.setId(COMMISSION_ID);
        commission.setEnabled(false);
        commission.addClickListener(click -> grid.asSingleSelect().getOptionalValue().ifPresent(this::openCommission));
        Button refresh = new Button(getTranslation("dial-in.unknown.refresh"), VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.setId(REFRESH_ID);
        add(new H3(getTranslation("dial-in.unknown.title")), new Paragraph(getTranslation("dial-in.unknown.hint")),
                new HorizontalLayout(commission, refresh), grid);
        refresh();
    }

    public void refresh() {
        grid.setItems(commissioning.unknownDialIns());
        commission.setEnabled(false);
    }

    private void openCommission(UnknownDialIn dialIn) {
        new DialInCommissionDialog(dialIn, structure.buildings(), (draft, protocol) -> {
            long id = commissioning.commission(dialIn.key(), draft, protocol);
            Notifications.success("collectors.saved", draft.name().trim());
            refresh();
            created.accept(id);
        }).open();
    }
}
