package io.jichao.prepaid;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.jichao.prepaid.HandheldTaskService.HandheldTask;

/** The {@code handheld_task} tables; callers hold the transaction. */
@Component
class HandheldTaskStore {

    /** An order of a task with its row number and the meter address the file gave. */
    record TaskOrder(long orderId, int position, String meterAddress) {
    }

    private final JdbcTemplate jdbc;

    HandheldTaskStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(String taskId, String operator, Instant at, List<TaskOrder> orders) {
        jdbc.update("INSERT INTO handheld_task (id, state, row_count, created_by, created_at) VALUES (?, 'OPEN', ?, ?, ?)",
                taskId, orders.size(), operator, Timestamp.from(at));
        for (TaskOrder order : orders) {
            jdbc.update("INSERT INTO handheld_task_order (task_id, order_id, position, meter_address) VALUES (?, ?, ?, ?)",
                    taskId, order.orderId(), order.position(), order.meterAddress());
        }
    }

    /** The task, its row locked so two imports of one task run one after the other. */
    Optional<HandheldTask> lock(String taskId) {
        return jdbc.query("SELECT * FROM handheld_task WHERE id = ? FOR UPDATE", (rs, n) -> task(rs), taskId)
                .stream().findFirst();
    }

    Optional<String> resultDigest(String taskId) {
        return jdbc.queryForList("SELECT result_digest FROM handheld_task WHERE id = ?", String.class, taskId)
                .stream().filter(d -> d != null).findFirst();
    }

    Map<Long, TaskOrder> orders(String taskId) {
        return jdbc.query("SELECT order_id, position, meter_address FROM handheld_task_order WHERE task_id = ?",
                        (rs, n) -> new TaskOrder(rs.getLong(1), rs.getInt(2), rs.getString(3)), taskId)
                .stream().collect(Collectors.toMap(TaskOrder::orderId, o -> o));
    }

    void close(String taskId, String operator, Instant at, String digest, int confirmed, int failed) {
        jdbc.update("UPDATE handheld_task SET state = 'CLOSED', closed_by = ?, closed_at = ?, result_digest = ?, "
                + "confirmed = ?, failed = ? WHERE id = ?", operator, Timestamp.from(at), digest, confirmed, failed, taskId);
    }

    /** Newest first, each with the meters (building, box) of its orders for the district filter. */
    List<Map.Entry<HandheldTask, List<Long[]>>> recent(int limit) {
        List<HandheldTask> tasks = jdbc.query("SELECT * FROM handheld_task ORDER BY created_at DESC, id LIMIT ?",
                (rs, n) -> task(rs), limit);
        return tasks.stream().map(task -> Map.entry(task, jdbc.query(
                "SELECT m.building_id, m.box_id FROM handheld_task_order t JOIN recharge_order o ON o.id = t.order_id "
                        + "JOIN meter m ON m.id = o.meter_id WHERE t.task_id = ?",
                (rs, n) -> new Long[] {rs.getLong(1), (Long) rs.getObject(2, Long.class)}, task.id()))).toList();
    }

    /** The purchase count the engine read before its first write, if it tried this order. */
    Optional<Integer> knownPurchaseCount(long orderId) {
        return jdbc.queryForList("SELECT purchase_count_before FROM recharge_delivery WHERE order_id = ?",
                Integer.class, orderId).stream().filter(c -> c != null).findFirst();
    }

    private static HandheldTask task(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new HandheldTask(rs.getString("id"), "OPEN".equals(rs.getString("state")), rs.getInt("row_count"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("closed_by"),
                closedAt == null ? null : closedAt.toInstant(), (Integer) rs.getObject("confirmed", Integer.class),
                (Integer) rs.getObject("failed", Integer.class));
    }
}
