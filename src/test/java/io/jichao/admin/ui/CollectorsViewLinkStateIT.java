package io.jichao.admin.ui;

import static io.jichao.admin.ui.AdminUi.cell;
import static io.jichao.admin.ui.AdminUi.click;
import static io.jichao.admin.ui.AdminUi.grid;
import static io.jichao.admin.ui.AdminUi.notificationTexts;
import static io.jichao.admin.ui.AdminUi.rows;
import static io.jichao.admin.ui.AdminUi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jichao.archive.CollectorModel;
import io.jichao.archive.CollectorService;
import io.jichao.archive.CollectorViews.CollectorDraft;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortDraft;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditEvent;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.CollectorReconnectService;
import io.jichao.collection.LinkState;
import io.jichao.collection.PortLinkState;
import io.jichao.shared.DomainException;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;
import io.jichao.testing.KaribuTest;

/**
 * The collectors page with this process's engine running (R16): each port's live state, pushed
 * as it changes, and the reconnect actions. The context's engine is started for one new DH604
 * whose ports 1 and 2 are played by the simulator and whose ports 3 and 4 point where nothing
 * listens, and stopped afterwards.
 */
class CollectorsViewLinkStateIT extends KaribuTest {

    @Autowired
    private CollectionEngine engine;
    @Autowired
    private CollectorService collectors;
    @Autowired
    private CollectorReconnectService reconnects;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private AuditTrail audit;

    private Simulator simulator;
    private CollectorView collector;

    @BeforeEach
    void startEngine() throws IOException {
        simulator = Simulator.running(SimulatorConfig.of(3, List.of(CollectorConfig.server("V", Dh600Model.DH602, List.of(
                PortConfig.of(1, BusProtocol.DLT645_2007, List.of(MeterConfig.of("790000000001"))),
                PortConfig.of(2, BusProtocol.DLT645_2007, List.of(MeterConfig.of("790000000002")))))))).start();
        login("maint");
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals("C")).findFirst().orElseThrow().id();
        long id = collectors.create(new CollectorDraft(buildingId, unique("Live "), CollectorModel.DH604,
                ConnectionMode.SERVER, "127.0.0.1", null, true));
        int nobodyListens = closedPort();
        collector = collectors.list().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        for (PortView port : collector.ports()) {
            int tcp = port.portNumber() <= 2 ? simulator.boundPort("V", port.portNumber()) : nobodyListens;
            collectors.updatePort(port.id(), new PortDraft(2400, 8, Parity.EVEN, 1, MeterProtocol.DLT645_2007, tcp));
        }
        engine.start(inventory.enabledCollectors().stream().filter(c -> c.id() == id).toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> state(1) == LinkState.CONNECTED
                && state(2) == LinkState.CONNECTED);
    }

    @AfterEach
    void stopEngine() {
        engine.stop();
        simulator.close();
        login("maint");
        collectors.update(collector.id(), new CollectorDraft(collector.buildingId(), collector.name(),
                CollectorModel.DH604, ConnectionMode.SERVER, "127.0.0.1", null, false));
    }

    @Test
    void a_new_collector_shows_its_connected_ports_and_the_ports_not_yet_connected() {
        navigateTo("collectors");
        Grid<CollectorView> list = grid(CollectorsView.GRID_ID);
        CollectorView shown = select(list);
        Grid<PortView> ports = grid(CollectorsView.PORTS_GRID_ID);

        assertThat(cell(list, "status", shown)).isEqualTo("Partly connected (2/4 ports)");
        assertThat(cell(ports, "state", port(ports, 1))).startsWith("Connected (since ");
        assertThat(cell(ports, "state", port(ports, 3))).isEqualTo("Not yet connected");
        assertThat(cell(ports, "state", port(ports, 4))).isEqualTo("Not yet connected");
    }

    @Test
    void a_lost_connection_is_pushed_to_the_open_page() {
        navigateTo("collectors");
        select(grid(CollectorsView.GRID_ID));
        Grid<PortView> ports = grid(CollectorsView.PORTS_GRID_ID);
        AtomicInteger redrawn = new AtomicInteger();
        ports.getDataProvider().addDataProviderListener(change -> redrawn.incrementAndGet());

        simulator.faults().rebootCollector("V", Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> state(1) == LinkState.DISCONNECTED);
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().until(() -> {
            MockVaadin.clientRoundtrip(false);
            return redrawn.get() > 0;
        });

        assertThat(cell(ports, "state", port(ports, 1))).startsWith("Disconnected (since ");
    }

    @Test
    void reconnecting_a_port_drops_and_reopens_its_connection_and_is_audited() {
        navigateTo("collectors");
        select(grid(CollectorsView.GRID_ID));
        Grid<PortView> ports = grid(CollectorsView.PORTS_GRID_ID);
        ports.select(port(ports, 1));
        Instant connectedSince = since(1);

        click(CollectorsView.RECONNECT_PORT_ID);

        assertThat(notificationTexts()).anyMatch(text -> text.startsWith(collector.name() + " #1: 1 ports"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(1) == LinkState.CONNECTED
                && since(1).isAfter(connectedSince));
        assertThat(simulator.bus("V", 1).connectionCount()).isEqualTo(1);
        assertThat(audit.byAction("PORT_RECONNECT")).filteredOn(e -> e.getTarget().equals(collector.name() + "#1"))
                .singleElement().extracting(AuditEvent::getOperatorUsername).isEqualTo("maint");

        click(CollectorsView.RECONNECT_ID);

        assertThat(audit.byAction("COLLECTOR_RECONNECT")).filteredOn(e -> e.getTarget().equals(collector.name()))
                .singleElement().extracting(AuditEvent::getDetails).isEqualTo("4 ports");
    }

    @Test
    void reconnect_is_refused_outside_the_district_and_without_the_permission() {
        login("super");
        long buildingA = collectors.list().stream().filter(c -> c.name().equals("A座采集器")).findFirst()
                .orElseThrow().id();
        int audited = audit.byAction("COLLECTOR_RECONNECT").size();

        login("maint");
        assertThatThrownBy(() -> reconnects.reconnectCollector(buildingA)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.district.outside");
        login("clerk");
        assertThatThrownBy(() -> reconnects.reconnectPort(collector.id(), 1)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.permission.denied");
        assertThat(audit.byAction("COLLECTOR_RECONNECT")).hasSize(audited);
        assertThat(state(1)).isEqualTo(LinkState.CONNECTED);
    }

    private CollectorView select(Grid<CollectorView> list) {
        CollectorView shown = rows(list).stream().filter(c -> c.id() == collector.id()).findFirst().orElseThrow();
        list.select(shown);
        return shown;
    }

    private static PortView port(Grid<PortView> ports, int number) {
        return rows(ports).stream().filter(p -> p.portNumber() == number).findFirst().orElseThrow();
    }

    private PortLinkState linkState(int port) {
        return engine.linkStates(collector.id()).stream().filter(s -> s.port().portNumber() == port).findFirst()
                .orElseThrow();
    }

    private LinkState state(int port) {
        return linkState(port).state();
    }

    private Instant since(int port) {
        return linkState(port).since();
    }

    /** A port that was free a moment ago: connections to it are refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
