--liquibase formatted sql

--changeset jichao:0024-overload-events
-- Overload trips and restores (R10, issue 6): the meter's overload trip count (ReadingItem
-- OVERLOAD_TRIP_COUNT, the DHDSY vendor item 04A00401, with the last trip record 04A00402) is read
-- with the seeded 15-minute energy schedule, so a trip that starts and restores between two cycles
-- still shows up as an alarm after the next cycle. Only the seeded schedule is changed, and only
-- when it does not read the item already.
UPDATE collection_schedule SET items = CONCAT(items, ',OVERLOAD_TRIP_COUNT')
WHERE name = '电能与剩余电量' AND interval_minutes = 15 AND items NOT LIKE '%OVERLOAD_TRIP_COUNT%';
