package io.jichao.admin.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.archive.CollectorService;
import io.jichao.shared.DomainException;
import io.jichao.collection.CollectionQualityService;
import io.jichao.collection.CollectionQualityService.MeterQuality;
import io.jichao.collection.CollectionQualityService.PortQuality;
import io.jichao.collection.DialInCommissioning;
import io.jichao.collection.ui.ReadingItemNames;
import io.jichao.collection.CollectorReconnectService;
import io.jichao.collection.EngineMonitor;
import io.jichao.collection.EngineStatus;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.SiteStructureService;
import io.jichao.security.Role;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Collectors in the operator's district and the serial ports of the selected one (R16). This is
 * their configuration only: connection state and traffic come from the collection engine, and
 * until it reports them no state is shown rather than a guessed one. The ports part sits in its
 * own layout so that live state can join it there.
 */
@Route("collectors")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.MAINTAINER_NAME})
public class CollectorsView extends VerticalLayout implements BeforeEnterObserver, HasPageTitleKey, HasDynamicTitle {

    public static final String GRID_ID = "collectors-grid";
    public static final String PORTS_GRID_ID = "collectors-ports-grid";
    public static final String PORTS_TITLE_ID = "collectors-ports-title";
    public static final String NEW_ID = "collectors-new";
    public static final String EDIT_ID = "collectors-edit";
    public static final String EDIT_PORT_ID = "collectors-edit-port";
    public static final String SIMULATED_ID = "collectors-simulated";
    public static final String RECONNECT_ID = "collectors-reconnect";
    public static final String RECONNECT_PORT_ID = "collectors-reconnect-port";

    private final transient CollectorService collectors;
    private final transient SiteStructureService structure;
    private final transient EngineMonitor monitor;
    private final transient CollectionQualityService quality;
    /** Stops the engine's link-state pushes to this page; null while detached. */
    private transient Runnable linkStateSubscription;
    /** Quality of the selected collector's ports by port number, loaded with the ports. */
    private Map<Integer, PortQuality> portQuality = Map.of();
    private final Grid<CollectorView> grid = new Grid<>();
    private final Grid<PortView> ports = new Grid<>();
    private final H3 portsTitle = new H3();
    private final Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create());
    private final Button editPort = new Button(getTranslation("port.edit"), VaadinIcon.COG.create());
    private final Button simulated = new Button(VaadinIcon.PLAY_CIRCLE_O.create());
    private final ReconnectActions reconnect;

    public CollectorsView(CollectorService collectors, SiteStructureService structure, EngineMonitor monitor,
                          CollectionQualityService quality, DialInCommissioning commissioning,
                          CollectorReconnectService reconnects) {
        this.collectors = collectors;
        this.quality = quality;
        this.monitor = monitor;
        this.structure = structure;
        setSizeFull();

        Button create = new Button(getTranslation("action.new"), VaadinIcon.PLUS.create(), click -> openNew());
        create.setId(NEW_ID);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        edit.setId(EDIT_ID);
        edit.addClickListener(click -> selected().ifPresent(this::openEdit));
        editPort.setId(EDIT_PORT_ID);
        editPort.addClickListener(click -> selected().ifPresent(collector ->
                ports.asSingleSelect().getOptionalValue().ifPresent(port -> openEditPort(collector, port))));
        reconnect = new ReconnectActions(reconnects, this::selected, () -> ports.asSingleSelect().getOptionalValue());

        simulated.setId(SIMULATED_ID);
        simulated.addClickListener(click -> selected().ifPresent(this::toggleSimulated));

        grid.setId(GRID_ID);
        grid.addColumn(CollectorView::name).setHeader(getTranslation("collectors.name")).setKey("name")
                .setAutoWidth(true);
        grid.addColumn(CollectorView::buildingName).setHeader(getTranslation("collectors.building")).setKey("building")
                .setAutoWidth(true);
        grid.addColumn(c -> c.model().name()).setHeader(getTranslation("collectors.model")).setKey("model")
                .setAutoWidth(true);
        grid.addColumn(c -> getTranslation("connection.mode." + c.connectionMode().name()))
                .setHeader(getTranslation("collectors.mode")).setKey("mode").setAutoWidth(true);
        grid.addColumn(c -> c.connectionMode() == ConnectionMode.SERVER ? c.host() : c.registrationId())
                .setHeader(getTranslation("collectors.address")).setKey("address").setFlexGrow(1);
        grid.addColumn(c -> getTranslation(c.enabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("collectors.enabled")).setKey("enabled").setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.simulated() ? "collectors.simulated.yes" : "collectors.simulated.no"))
                .setHeader(getTranslation("collectors.simulated")).setKey("simulated").setAutoWidth(true);
        grid.addColumn(c -> c.ports().size()).setHeader(getTranslation("collectors.ports")).setKey("ports")
                .setAutoWidth(true);
        grid.addColumn(c -> c.ports().stream().mapToLong(PortView::activeMeters).sum())
                .setHeader(getTranslation("collectors.meters")).setKey("meters").setAutoWidth(true);
        // Live state from the engine of this process (R16), pushed; blank when the engine runs elsewhere.
        grid.addColumn(c -> LinkStateLabels.collector(this, monitor.linkStates(c.id())))
                .setHeader(getTranslation("collectors.status")).setKey("status").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(event -> showPorts());

        ports.setId(PORTS_GRID_ID);
        ports.addColumn(PortView::portNumber).setHeader(getTranslation("port.number")).setKey("number")
                .setAutoWidth(true);
        ports.addColumn(PortView::framing).setHeader(getTranslation("port.framing")).setKey("framing")
                .setAutoWidth(true);
        ports.addColumn(p -> getTranslation("protocol." + p.protocol().name()))
                .setHeader(getTranslation("port.protocol")).setKey("protocol").setAutoWidth(true);
        ports.addColumn(p -> p.tcpPort() == null ? getTranslation("common.none") : p.tcpPort().toString())
                .setHeader(getTranslation("port.tcp")).setKey("tcp").setAutoWidth(true);
        ports.addColumn(PortView::activeMeters).setHeader(getTranslation("port.meters")).setKey("meters")
                .setAutoWidth(true);
        ports.addColumn(this::linkState).setHeader(getTranslation("port.state")).setKey("state")
                .setAutoWidth(true);
        PortTrafficColumns.addTo(ports, this::portStatus);
        ports.addColumn(this::qualitySummary).setHeader(getTranslation("port.quality")).setKey("quality")
                .setAutoWidth(true);
        ports.addColumn(port -> partialMeters(port).size()).setHeader(getTranslation("coverage.port.partial"))
                .setKey("partial").setAutoWidth(true)
                .setTooltipGenerator(port -> partialMeters(port).stream()
                        .map(m -> getTranslation("coverage.port.partial.meter", m.address(),
                                ReadingItemNames.join(this, m.missing())))
                        .collect(Collectors.joining("\n")));
        ports.asSingleSelect().addValueChangeListener(event -> updateActions());
        portsTitle.setId(PORTS_TITLE_ID);
        VerticalLayout portsPart = new VerticalLayout(portsTitle, ports);
        portsPart.setPadding(false);

        add(new HorizontalLayout(create, edit, editPort, simulated, reconnect), grid, portsPart,
                new UnknownDialInsPanel(commissioning, structure, id -> refresh(id)));
        refresh(null);
    }

    /** {@code collectors?collector=<id>} (the fault map's link) opens with that collector selected. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("collector").ifPresent(id -> {
            try {
                refresh(Long.parseLong(id));
            } catch (NumberFormatException ignored) {
                // A mistyped link shows the list without a selection.
            }
        });
    }

    /** The engine pushes every change of a port's connection; the grids redraw their state cells. */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        // A burst of changes (an engine start, a bulk change) becomes one redraw with the latest states.
        AtomicBoolean redrawQueued = new AtomicBoolean();
        linkStateSubscription = monitor.subscribeLinkStates(changed -> {
            if (redrawQueued.compareAndSet(false, true)) {
                ui.access(() -> {
                    redrawQueued.set(false);
                    grid.getDataProvider().refreshAll();
                    ports.getDataProvider().refreshAll();
                });
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (linkStateSubscription != null) {
            linkStateSubscription.run();
            linkStateSubscription = null;
        }
        super.onDetach(event);
    }

    private void openNew() {
        CollectorDialog.forNew(structure.buildings(), draft -> {
            long id = collectors.create(draft);
            Notifications.success("collectors.saved", draft.name().trim());
            refresh(id);
        }).open();
    }

    private void openEdit(CollectorView collector) {
        CollectorDialog.forExisting(collector, structure.buildings(), draft -> {
            collectors.update(collector.id(), draft);
            Notifications.success("collectors.saved", draft.name().trim());
            refresh(collector.id());
        }).open();
    }

    /** Super admins only (the service refuses others): a real collector is never simulated. */
    private void toggleSimulated(CollectorView collector) {
        try {
            collectors.setSimulated(collector.id(), !collector.simulated());
            Notifications.success(collector.simulated() ? "collectors.simulated.off" : "collectors.simulated.on",
                    collector.name());
            refresh(collector.id());
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    private void openEditPort(CollectorView collector, PortView port) {
        new PortDialog(collector.name(), port, draft -> {
            collectors.updatePort(port.id(), draft);
            Notifications.success("port.saved", port.portNumber(), collector.name());
            refresh(collector.id());
        }).open();
    }

    /** Reloads the collectors and selects the given one again, so its ports stay in view. */
    private void refresh(Long selectId) {
        List<CollectorView> all = collectors.list();
        grid.setItems(all);
        all.stream().filter(c -> selectId != null && c.id() == selectId).findFirst().ifPresent(grid::select);
        showPorts();
    }

    private void showPorts() {
        Optional<CollectorView> collector = selected();
        portQuality = collector.map(c -> quality.ports(c.id()).stream()
                        .collect(Collectors.toMap(PortQuality::portNumber, Function.identity())))
                .orElse(Map.of());
        ports.setItems(collector.map(CollectorView::ports).orElse(List.of()));
        portsTitle.setText(collector.map(c -> getTranslation("collectors.ports.title", c.name()))
                .orElseGet(() -> getTranslation("collectors.ports.none")));
        updateActions();
    }

    private Optional<CollectorView> selected() {
        return grid.asSingleSelect().getOptionalValue();
    }

    private void updateActions() {
        edit.setEnabled(selected().isPresent());
        simulated.setEnabled(selected().isPresent());
        simulated.setText(getTranslation(selected().map(CollectorView::simulated).orElse(false)
                ? "collectors.simulated.markReal" : "collectors.simulated.markSimulated"));
        editPort.setEnabled(selected().isPresent() && ports.asSingleSelect().getOptionalValue().isPresent());
        reconnect.update();
    }

    @Override
    public String pageTitleKey() {
        return "nav.collectors";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }

    private String linkState(PortView port) {
        return LinkStateLabels.port(this, selected().flatMap(collector -> monitor.linkStates(collector.id()).stream()
                .filter(state -> state.port().portNumber() == port.portNumber()).findFirst()));
    }

    private Optional<EngineStatus.PortStatus> portStatus(PortView port) {
        return selected().flatMap(collector -> monitor.collector(collector.id()))
                .flatMap(status -> status.ports().stream().filter(p -> p.portNumber() == port.portNumber()).findFirst());
    }

    /**
     * The last cycle and the meters not being read: a dead meter counts here even though the bus
     * itself looks busy and healthy.
     */
    private String qualitySummary(PortView port) {
        PortQuality bus = portQuality.get(port.portNumber());
        if (bus == null || bus.lastCycle() == null) {
            return "";
        }
        long notRead = bus.meters().stream().filter(m -> m.state() != CollectionQualityService.MeterState.OK
                && m.state() != CollectionQualityService.MeterState.PARTIAL).count();
        return getTranslation("coverage.port.summary", bus.lastCycle().succeeded(), bus.lastCycle().meters(),
                bus.lastCycle().complete(), bus.lastCycle().completePercent(), bus.retries(), notRead,
                partialMeters(port).size());
    }

    /** The port's meters whose last read left expected items unstored (issue 13: PARTIAL). */
    private List<MeterQuality> partialMeters(PortView port) {
        PortQuality bus = portQuality.get(port.portNumber());
        return bus == null ? List.of() : bus.meters().stream()
                .filter(m -> m.state() == CollectionQualityService.MeterState.PARTIAL).toList();
    }
}
