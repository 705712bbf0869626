package io.jichao.admin.ui;

import static io.jichao.admin.ui.AdminUi.cell;
import static io.jichao.admin.ui.AdminUi.grid;
import static io.jichao.admin.ui.AdminUi.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.testing.KaribuTest;

/** The collectors page counts, per port, the meters whose last read left expected items unstored (issue 13). */
class CollectorsPartialMetersViewTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;
    private long meterId;

    @AfterEach
    void removeTheStatus() {
        jdbc.update("DELETE FROM meter_status WHERE meter_id = ?", meterId);
    }

    @Test
    void a_port_with_a_partly_read_meter_counts_it() {
        Map<String, Object> meter = jdbc.queryForMap("""
                SELECT m.id, sp.port_number FROM meter m JOIN serial_port sp ON sp.id = m.serial_port_id
                JOIN collector c ON c.id = sp.collector_id WHERE c.name = 'C座采集器' ORDER BY m.id LIMIT 1""");
        meterId = ((Number) meter.get("id")).longValue();
        int portNumber = ((Number) meter.get("port_number")).intValue();
        jdbc.update("""
                INSERT INTO meter_status (meter_id, last_attempt_at, last_success_at, consecutive_failures,
                    missing_items, unsupported_items) VALUES (?, ?, ?, 0, 'VOLTAGE_B', 'REVERSE_ENERGY')
                ON DUPLICATE KEY UPDATE last_attempt_at = VALUES(last_attempt_at),
                    last_success_at = VALUES(last_success_at), consecutive_failures = 0,
                    missing_items = VALUES(missing_items), unsupported_items = VALUES(unsupported_items)""",
                meterId, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
        login("maint");
        navigateTo("collectors");
        Grid<CollectorView> collectors = grid(CollectorsView.GRID_ID);
        collectors.select(rows(collectors).stream().filter(c -> c.name().equals("C座采集器")).findFirst()
                .orElseThrow());

        Grid<PortView> ports = grid(CollectorsView.PORTS_GRID_ID);
        assertThat(ports.getColumnByKey("partial").getHeaderText()).isEqualTo("Partly read");
        for (PortView port : rows(ports)) {
            assertThat(cell(ports, "partial", port)).as("port %d", port.portNumber())
                    .isEqualTo(port.portNumber() == portNumber ? "1" : "0");
        }
    }
}
