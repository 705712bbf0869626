package io.jichao.faultmap;

import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeding the fault map at start-up (the demo park), where no operator acts: plans go through the
 * same content checks as an upload. Runs only inside the seeder's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class FaultMapProvisioning {

    private final FaultMapStore store;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    FaultMapProvisioning(FaultMapStore store, JdbcTemplate jdbc, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean hasPlans() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM floor_plan", Long.class) > 0;
    }

    public void plan(long floorId, byte[] content, String fileName, String by) {
        store.savePlan(floorId, FloorPlanFiles.check(content), fileName, clock.instant(), by);
    }

    public void placeMeter(long meterId, PlanPosition position) {
        jdbc.update("UPDATE meter SET plan_x = ?, plan_y = ?, version = version + 1 WHERE id = ?",
                position.x(), position.y(), meterId);
    }

    public void placeCollector(long collectorId, long floorId, PlanPosition position) {
        store.placeCollector(collectorId, floorId, position);
    }
}
