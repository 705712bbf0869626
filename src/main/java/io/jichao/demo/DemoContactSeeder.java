package io.jichao.demo;

import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives each demo building two manager contacts (fake numbers, in escalation order: the building's
 * duty electrician first, the property office's manager second), so alarm alerts of the demo go
 * somewhere (the demo sends through the log sender). Runs after {@link DemoSiteSeeder}, once: only
 * while no building has contacts.
 */
@Component
@Order(3)
class DemoContactSeeder implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final DemoProperties properties;

    DemoContactSeeder(JdbcTemplate jdbc, DemoProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.enabled()
                || jdbc.queryForObject("SELECT COUNT(*) FROM notification_contact", Integer.class) > 0) {
            return;
        }
        List<Map<String, Object>> buildings = jdbc.queryForList("SELECT id, code FROM building ORDER BY code");
        int n = 0;
        for (Map<String, Object> building : buildings) {
            long id = ((Number) building.get("id")).longValue();
            String code = (String) building.get("code");
            n++;
            insert(id, 0, code + "座值班电工", String.format("1380000%04d", 2 * n - 1), "zh-CN");
            insert(id, 1, code + "座物业经理", String.format("1380000%04d", 2 * n), n % 2 == 0 ? "en" : "zh-CN");
        }
    }

    private void insert(long buildingId, int position, String name, String phone, String language) {
        jdbc.update("INSERT INTO notification_contact (building_id, position, name, phone, language) VALUES (?, ?, ?, ?, ?)",
                buildingId, position, name, phone, language);
    }
}
