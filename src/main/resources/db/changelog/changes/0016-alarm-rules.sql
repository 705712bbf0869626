--liquibase formatted sql

--changeset jichao:0016-alarm-rules
-- Alarms (R17): the relay state (run status word 3, ReadingItem RELAY_STATUS) is read with the
-- seeded 15-minute energy schedule, so an overload trip, a relay opened for no credit or by
-- command shows up as an alarm within one cycle. Only the seeded schedule is changed, and only
-- when it does not read the item already.
UPDATE collection_schedule SET items = CONCAT(items, ',RELAY_STATUS')
WHERE name = '电能与剩余电量' AND interval_minutes = 15 AND items NOT LIKE '%RELAY_STATUS%';
