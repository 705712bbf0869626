package io.jichao.notify;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the outbox needs of the archive and its own contact lists, read by SQL. */
@Component
class ArchiveFacts {

    /** Where a meter is, and its household (null when it has none). */
    record Place(long buildingId, Long boxId, Long householdId) {
    }

    private final JdbcTemplate jdbc;

    ArchiveFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Place> meter(long meterId) {
        return jdbc.query("SELECT building_id, box_id, household_id FROM meter WHERE id = ?",
                (rs, n) -> new Place(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class)),
                meterId).stream().findFirst();
    }

    Optional<Place> household(long householdId) {
        return jdbc.query("SELECT building_id FROM household WHERE id = ?",
                (rs, n) -> new Place(rs.getLong(1), null, householdId), householdId).stream().findFirst();
    }

    boolean buildingExists(long buildingId) {
        return !jdbc.queryForList("SELECT id FROM building WHERE id = ?", Long.class, buildingId).isEmpty();
    }

    List<String> phones(long householdId) {
        return jdbc.queryForList("SELECT phone FROM household_phone WHERE household_id = ? ORDER BY position",
                String.class, householdId);
    }

    List<Contact> contacts(long buildingId) {
        return jdbc.query("SELECT building_id, position, name, phone, language FROM notification_contact "
                        + "WHERE building_id = ? ORDER BY position",
                (rs, n) -> new Contact(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                buildingId);
    }

    void replaceContacts(long buildingId, List<Contact> contacts) {
        jdbc.update("DELETE FROM notification_contact WHERE building_id = ?", buildingId);
        for (Contact c : contacts) {
            jdbc.update("INSERT INTO notification_contact (building_id, position, name, phone, language) VALUES (?, ?, ?, ?, ?)",
                    buildingId, c.position(), c.name(), c.phone(), c.language());
        }
    }
}
