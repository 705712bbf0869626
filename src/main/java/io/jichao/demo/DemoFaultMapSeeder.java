package io.jichao.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.faultmap.FaultMapProvisioning;
import io.jichao.faultmap.PlanPosition;

/**
 * Gives the demo park's building A, floor 1 a generated SVG floor plan (eleven offices on a
 * corridor and an electrical room) with its meters in their rooms and the main meter, the water
 * meters and the collector in the electrical room. Runs after {@link DemoSiteSeeder}, once.
 */
@Component
@Order(2)
class DemoFaultMapSeeder implements ApplicationRunner {

    static final int WIDTH = 1000;
    static final int HEIGHT = 560;
    private static final int ROOM_WIDTH = 160;
    private static final int LEFT = 20;
    private static final int TOP_ROOMS_Y = 20;
    private static final int CORRIDOR_Y = 250;
    private static final int BOTTOM_ROOMS_Y = 310;
    private static final int ROOM_HEIGHT = 230;
    private static final int ROOMS_PER_ROW = 6;

    private final FaultMapProvisioning faultMap;
    private final JdbcTemplate jdbc;
    private final DemoProperties properties;

    DemoFaultMapSeeder(FaultMapProvisioning faultMap, JdbcTemplate jdbc, DemoProperties properties) {
        this.faultMap = faultMap;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || faultMap.hasPlans()) {
            return;
        }
        List<Long> floors = jdbc.queryForList("SELECT f.id FROM floor f JOIN building b ON b.id = f.building_id"
                + " WHERE b.code = 'A' AND f.level = 1", Long.class);
        if (floors.isEmpty()) {
            return;
        }
        long floorId = floors.getFirst();
        List<Map<String, Object>> meters = jdbc.queryForList("SELECT m.id, h.room FROM meter m"
                + " LEFT JOIN household h ON h.id = m.household_id WHERE m.floor_id = ? AND m.state = 'ACTIVE'"
                + " ORDER BY m.address, m.device_channel", floorId);
        List<String> rooms = meters.stream().map(m -> (String) m.get("room")).filter(r -> r != null).toList();
        faultMap.plan(floorId, svg(rooms).getBytes(StandardCharsets.UTF_8), "A-1F.svg", "demo");
        int inElectricalRoom = 0;
        for (Map<String, Object> meter : meters) {
            long id = ((Number) meter.get("id")).longValue();
            int index = rooms.indexOf((String) meter.get("room"));
            if (index >= 0 && index < 2 * ROOMS_PER_ROW - 1) {
                faultMap.placeMeter(id, at(roomX(index) + ROOM_WIDTH / 2, index < ROOMS_PER_ROW ? 200 : 470));
            } else {
                faultMap.placeMeter(id, at(roomX(2 * ROOMS_PER_ROW - 1) + 40 + 40 * (inElectricalRoom % 3),
                        450 + 50 * (inElectricalRoom / 3)));
                inElectricalRoom++;
            }
        }
        jdbc.queryForList("SELECT c.id FROM collector c JOIN building b ON b.id = c.building_id WHERE b.code = 'A'",
                Long.class).forEach(collector -> faultMap.placeCollector(collector, floorId,
                        at(roomX(2 * ROOMS_PER_ROW - 1) + ROOM_WIDTH / 2, 395)));
    }

    private static int roomX(int index) {
        return LEFT + (index % ROOMS_PER_ROW) * ROOM_WIDTH;
    }

    private static PlanPosition at(int x, int y) {
        return new PlanPosition(BigDecimal.valueOf(x).divide(BigDecimal.valueOf(WIDTH), PlanPosition.SCALE,
                RoundingMode.HALF_UP), BigDecimal.valueOf(y).divide(BigDecimal.valueOf(HEIGHT), PlanPosition.SCALE,
                RoundingMode.HALF_UP));
    }

    /** Eleven offices (the first eleven rooms), then the electrical room, on both sides of a corridor. */
    static String svg(List<String> rooms) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#f8fafc\"/>")
                .append("<rect x=\"").append(LEFT).append("\" y=\"").append(CORRIDOR_Y).append("\" width=\"")
                .append(ROOMS_PER_ROW * ROOM_WIDTH).append("\" height=\"").append(BOTTOM_ROOMS_Y - CORRIDOR_Y)
                .append("\" fill=\"#e2e8f0\"/>")
                .append("<text x=\"500\" y=\"286\" font-family=\"sans-serif\" font-size=\"16\" fill=\"#64748b\"")
                .append(" text-anchor=\"middle\">A座 1层 走廊</text>");
        for (int index = 0; index < 2 * ROOMS_PER_ROW; index++) {
            int x = roomX(index);
            int y = index < ROOMS_PER_ROW ? TOP_ROOMS_Y : BOTTOM_ROOMS_Y;
            boolean electrical = index == 2 * ROOMS_PER_ROW - 1;
            String name = electrical ? "配电间" : index < rooms.size() ? rooms.get(index) : "";
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(ROOM_WIDTH)
                    .append("\" height=\"").append(ROOM_HEIGHT).append("\" fill=\"")
                    .append(electrical ? "#fef9c3" : "#ffffff").append("\" stroke=\"#334155\" stroke-width=\"3\"/>")
                    .append("<text x=\"").append(x + ROOM_WIDTH / 2).append("\" y=\"").append(y + 40)
                    .append("\" font-family=\"sans-serif\" font-size=\"20\" fill=\"#334155\" text-anchor=\"middle\">")
                    .append(name).append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
