package io.jichao.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.jichao.admin.ui.AdminUi.byId;
import static io.jichao.admin.ui.AdminUi.cell;
import static io.jichao.admin.ui.AdminUi.click;
import static io.jichao.admin.ui.AdminUi.grid;
import static io.jichao.admin.ui.AdminUi.rows;
import static io.jichao.admin.ui.AdminUi.save;
import static io.jichao.admin.ui.AdminUi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jichao.archive.CollectorModel;
import io.jichao.archive.CollectorService;
import io.jichao.archive.CollectorViews.CollectorDraft;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructureService;
import io.jichao.shared.DomainException;
import io.jichao.testing.KaribuTest;

class CollectorsViewTest extends KaribuTest {

    @Autowired
    private CollectorService collectors;

    @Autowired
    private SiteStructureService structure;

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void maintainer_sees_only_the_collectors_of_the_buildings_in_the_district() {
        login("maint");
        navigateTo("collectors");

        Set<Long> district = Set.of(building("C").id(), building("D").id());
        List<CollectorView> shown = rows(grid(CollectorsView.GRID_ID));
        assertThat(shown).isNotEmpty().allMatch(c -> district.contains(c.buildingId()));
        assertThat(shown).extracting(CollectorView::name).contains("C座采集器", "D座采集器")
                .doesNotContain("A座采集器", "B座采集器");
    }

    @Test
    void selecting_a_collector_lists_its_serial_ports_with_their_meters() {
        login("maint");
        navigateTo("collectors");
        Grid<CollectorView> grid = grid(CollectorsView.GRID_ID);
        CollectorView collectorC = rows(grid).stream().filter(c -> c.name().equals("C座采集器")).findFirst().orElseThrow();
        grid.select(collectorC);

        Grid<PortView> ports = grid(CollectorsView.PORTS_GRID_ID);
        assertThat(rows(ports)).hasSize(collectorC.ports().size());
        assertThat(byId(H3.class, CollectorsView.PORTS_TITLE_ID).getText()).isEqualTo("Serial ports of C座采集器");
        long meters = rows(ports).stream().mapToLong(PortView::activeMeters).sum();
        assertThat(meters).isPositive();
        assertThat(cell(grid, "meters", collectorC)).isEqualTo(Long.toString(meters));
        assertThat(cell(grid, "address", collectorC)).isEqualTo("127.0.0.1");
    }

    @Test
    void the_ports_show_no_collection_quality_before_the_engine_has_run_a_cycle() {
        login("maint");
        navigateTo("collectors");
        Grid<CollectorView> grid = grid(CollectorsView.GRID_ID);
        grid.select(rows(grid).stream().filter(c -> c.name().equals("C座采集器")).findFirst().orElseThrow());

        Grid<PortView> ports = grid(CollectorsView.PORTS_GRID_ID);
        assertThat(ports.getColumnByKey("quality").getHeaderText()).isEqualTo("Collection quality");
        assertThat(rows(ports)).allSatisfy(port -> assertThat(cell(ports, "quality", port)).isEmpty());
    }

    @Test
    void maintainer_creates_a_dial_in_collector_and_sees_only_the_address_its_mode_needs() {
        login("maint");
        navigateTo("collectors");
        String name = unique("Dial-in ");
        String registration = unique("REG-");

        click(CollectorsView.NEW_ID);
        // Karibu finds visible components only: what it finds is what the maintainer sees.
        _assertOne(TextField.class, spec -> spec.withId(CollectorDialog.HOST_ID));
        _assertNone(TextField.class, spec -> spec.withId(CollectorDialog.REGISTRATION_ID));
        _setValue(byId(RadioButtonGroup.class, CollectorDialog.MODE_ID), ConnectionMode.CLIENT);
        _assertNone(TextField.class, spec -> spec.withId(CollectorDialog.HOST_ID));
        TextField registrationId = byId(TextField.class, CollectorDialog.REGISTRATION_ID);

        _setValue(byId(ComboBox.class, CollectorDialog.BUILDING_ID), building("D"));
        _setValue(byId(TextField.class, CollectorDialog.NAME_ID), name);
        _setValue(byId(Select.class, CollectorDialog.MODEL_ID), CollectorModel.DH602);
        _setValue(registrationId, registration);
        // Kept disabled so that no collection engine ever tries to reach this test collector.
        _setValue(byId(Checkbox.class, CollectorDialog.ENABLED_ID), false);
        save();

        Grid<CollectorView> grid = grid(CollectorsView.GRID_ID);
        CollectorView created = grid.asSingleSelect().getValue();
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.registrationId()).isEqualTo(registration);
        assertThat(created.host()).isNull();
        assertThat(created.ports()).hasSize(2);
        assertThat(cell(grid, "address", created)).isEqualTo(registration);
        assertThat(cell(grid, "mode", created)).isEqualTo("Client (it dials in)");
    }

    @Test
    void a_server_mode_collector_without_a_host_is_refused() {
        login("maint");
        navigateTo("collectors");
        int before = collectors.list().size();

        click(CollectorsView.NEW_ID);
        _setValue(byId(ComboBox.class, CollectorDialog.BUILDING_ID), building("C"));
        _setValue(byId(TextField.class, CollectorDialog.NAME_ID), unique("No host "));
        _setValue(byId(Select.class, CollectorDialog.MODEL_ID), CollectorModel.DH601);
        save();

        TextField host = byId(TextField.class, CollectorDialog.HOST_ID);
        assertThat(host.isInvalid()).isTrue();
        assertThat(host.getErrorMessage()).isEqualTo("A collector in server mode needs a host.");
        assertThat(collectors.list()).hasSize(before);
    }

    @Test
    void maintainer_changes_the_baud_rate_of_a_port() {
        login("maint");
        long collectorId = createTestCollector();
        openPortDialog(collectorId, 1);

        _setValue(byId(Select.class, PortDialog.BAUD_ID), 9600);
        save();

        Grid<PortView> ports = grid(CollectorsView.PORTS_GRID_ID);
        PortView port = rows(ports).getFirst();
        assertThat(port.baudRate()).isEqualTo(9600);
        assertThat(cell(ports, "framing", port)).isEqualTo("9600 8E1");
        assertThat(portOf(collectorId, 1).baudRate()).isEqualTo(9600);
    }

    @Test
    void maintainer_sets_data_bits_parity_and_stop_bits_and_the_grid_shows_the_short_form() {
        login("maint");
        long collectorId = createTestCollector();
        openPortDialog(collectorId, 1);
        assertThat(byId(IntegerField.class, PortDialog.DATA_BITS_ID).getValue()).as("DL/T 645 default 8E1").isEqualTo(8);
        assertThat(byId(Select.class, PortDialog.PARITY_ID).getValue()).isEqualTo(Parity.EVEN);
        assertThat(byId(IntegerField.class, PortDialog.STOP_BITS_ID).getValue()).isEqualTo(1);

        _setValue(byId(Select.class, PortDialog.BAUD_ID), 1200);
        _setValue(byId(IntegerField.class, PortDialog.DATA_BITS_ID), 7);
        _setValue(byId(Select.class, PortDialog.PARITY_ID), Parity.ODD);
        _setValue(byId(IntegerField.class, PortDialog.STOP_BITS_ID), 2);
        save();

        PortView saved = portOf(collectorId, 1);
        assertThat(saved.framing()).isEqualTo("1200 7O2");
        Grid<PortView> ports = grid(CollectorsView.PORTS_GRID_ID);
        assertThat(cell(ports, "framing", rows(ports).getFirst())).isEqualTo("1200 7O2");
        assertThat(ports.getColumnByKey("framing").getHeaderText()).isEqualTo("Serial settings");
        assertThat(ports.getColumnByKey("traffic-not-sent").getHeaderText()).isEqualTo("Not sent (link down)");
        assertThat(ports.getColumnByKey("traffic-refused").getHeaderText()).isEqualTo("Refused");
    }

    @Test
    void choosing_a_protocol_suggests_its_usual_framing() {
        login("maint");
        long collectorId = createTestCollector();
        openPortDialog(collectorId, 1);
        _setValue(byId(IntegerField.class, PortDialog.STOP_BITS_ID), 2);

        _setValue(byId(Select.class, PortDialog.PROTOCOL_ID), MeterProtocol.MODBUS_RTU);
        assertThat(byId(Select.class, PortDialog.BAUD_ID).getValue()).isEqualTo(9600);
        assertThat(byId(IntegerField.class, PortDialog.DATA_BITS_ID).getValue()).isEqualTo(8);
        assertThat(byId(Select.class, PortDialog.PARITY_ID).getValue()).isEqualTo(Parity.NONE);
        assertThat(byId(IntegerField.class, PortDialog.STOP_BITS_ID).getValue()).isEqualTo(1);

        _setValue(byId(Select.class, PortDialog.PROTOCOL_ID), MeterProtocol.DLT645_1997);
        assertThat(byId(Select.class, PortDialog.BAUD_ID).getValue()).isEqualTo(1200);
        assertThat(byId(Select.class, PortDialog.PARITY_ID).getValue()).isEqualTo(Parity.EVEN);
        // A Modbus bus may use 8E1 too: the suggestion is only a default.
        _setValue(byId(Select.class, PortDialog.PROTOCOL_ID), MeterProtocol.MODBUS_RTU);
        _setValue(byId(Select.class, PortDialog.PARITY_ID), Parity.EVEN);
        save();
        assertThat(portOf(collectorId, 1).framing()).isEqualTo("9600 8E1");
    }

    @Test
    void data_bits_other_than_7_or_8_and_stop_bits_other_than_1_or_2_are_refused_on_the_field() {
        login("maint");
        long collectorId = createTestCollector();
        PortView before = portOf(collectorId, 1);
        openPortDialog(collectorId, 1);

        _setValue(byId(IntegerField.class, PortDialog.DATA_BITS_ID), 9);
        save();
        IntegerField dataBits = byId(IntegerField.class, PortDialog.DATA_BITS_ID);
        assertThat(dataBits.isInvalid()).isTrue();
        assertThat(dataBits.getErrorMessage()).isEqualTo("Data bits must be 7 or 8, not 9.");

        _setValue(dataBits, 8);
        _setValue(byId(IntegerField.class, PortDialog.STOP_BITS_ID), 3);
        save();
        IntegerField stopBits = byId(IntegerField.class, PortDialog.STOP_BITS_ID);
        assertThat(stopBits.isInvalid()).isTrue();
        assertThat(stopBits.getErrorMessage()).isEqualTo("Stop bits must be 1 or 2, not 3.");
        assertThat(portOf(collectorId, 1)).isEqualTo(before);
    }

    @Test
    void a_tcp_port_out_of_range_is_shown_on_the_field_and_nothing_is_saved() {
        login("maint");
        long collectorId = createTestCollector();
        PortView before = portOf(collectorId, 1);
        openPortDialog(collectorId, 1);

        _setValue(byId(Select.class, PortDialog.BAUD_ID), 4800);
        _setValue(byId(IntegerField.class, PortDialog.TCP_PORT_ID), 70000);
        save();

        IntegerField tcpPort = byId(IntegerField.class, PortDialog.TCP_PORT_ID);
        assertThat(tcpPort.isInvalid()).isTrue();
        assertThat(tcpPort.getErrorMessage()).contains("out of range 1-65535");
        assertThat(portOf(collectorId, 1)).isEqualTo(before);
    }

    @Test
    void maintainer_cannot_change_a_collector_outside_the_district() {
        login("super");
        long buildingA = building("A").id();
        CollectorView collectorA = collectors.list().stream().filter(c -> c.buildingId() == buildingA)
                .findFirst().orElseThrow();

        login("maint");
        CollectorDraft rename = new CollectorDraft(buildingA, "Taken over", collectorA.model(),
                collectorA.connectionMode(), collectorA.host(), collectorA.registrationId(), collectorA.enabled());
        assertThatThrownBy(() -> collectors.update(collectorA.id(), rename))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.district.outside"));

        login("super");
        assertThat(collectors.list()).filteredOn(c -> c.id() == collectorA.id())
                .singleElement().satisfies(c -> assertThat(c.name()).isEqualTo(collectorA.name()));
    }

    @Test
    void a_super_admin_marks_a_collector_simulated_and_real_again_and_each_change_is_audited() {
        login("super");
        long id = createTestCollector();
        navigateTo("collectors");
        Grid<CollectorView> grid = grid(CollectorsView.GRID_ID);
        CollectorView real = rows(grid).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        assertThat(cell(grid, "simulated", real)).isEqualTo("Real device");
        grid.select(real);
        assertThat(byId(com.vaadin.flow.component.button.Button.class, CollectorsView.SIMULATED_ID).getText())
                .isEqualTo("Mark as simulated");

        click(CollectorsView.SIMULATED_ID);

        CollectorView simulated = rows(grid).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        assertThat(simulated.simulated()).isTrue();
        assertThat(cell(grid, "simulated", simulated)).isEqualTo("Simulated");
        assertThat(byId(com.vaadin.flow.component.button.Button.class, CollectorsView.SIMULATED_ID).getText())
                .isEqualTo("Mark as real device");
        click(CollectorsView.SIMULATED_ID);
        assertThat(collectors.list().stream().filter(c -> c.id() == id).findFirst().orElseThrow().simulated())
                .isFalse();
        assertThat(jdbc.queryForList("SELECT details FROM audit_event WHERE action = 'COLLECTOR_SIMULATED' "
                + "AND operator_username = 'super' AND target = ? ORDER BY id", String.class, real.name()))
                .containsExactly("simulated=true", "simulated=false");
    }

    @Test
    void a_maintainer_cannot_mark_a_collector_simulated() {
        login("super");
        long id = createTestCollector();
        login("maint");

        assertThatThrownBy(() -> collectors.setSimulated(id, true)).isInstanceOf(DomainException.class);
        assertThat(collectors.list().stream().filter(c -> c.id() == id).findFirst().orElseThrow().simulated())
                .isFalse();
    }

    /**
     * A disabled dial-in collector in building C, so tests can change its ports without touching
     * the demo park's collectors that other tests and the simulator rely on.
     */
    private long createTestCollector() {
        return collectors.create(new CollectorDraft(building("C").id(), unique("Port test "), CollectorModel.DH602,
                ConnectionMode.CLIENT, null, unique("PT-"), false));
    }

    private void openPortDialog(long collectorId, int portNumber) {
        navigateTo("collectors");
        Grid<CollectorView> grid = grid(CollectorsView.GRID_ID);
        grid.select(rows(grid).stream().filter(c -> c.id() == collectorId).findFirst().orElseThrow());
        Grid<PortView> ports = grid(CollectorsView.PORTS_GRID_ID);
        ports.select(rows(ports).stream().filter(p -> p.portNumber() == portNumber).findFirst().orElseThrow());
        click(CollectorsView.EDIT_PORT_ID);
    }

    private PortView portOf(long collectorId, int portNumber) {
        return collectors.list().stream().filter(c -> c.id() == collectorId).findFirst().orElseThrow()
                .ports().stream().filter(p -> p.portNumber() == portNumber).findFirst().orElseThrow();
    }

    private BuildingView building(String code) {
        return structure.buildings().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }
}
