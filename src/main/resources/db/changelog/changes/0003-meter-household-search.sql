--liquibase formatted sql

--changeset jichao:0003-meter-household-search
-- The grid's free-text filter matches room, household name and phones. Keeping that text on the
-- meter row lets the filter scan one table instead of joining households and phones per row.
ALTER TABLE meter ADD COLUMN household_search VARCHAR(400) NULL;
UPDATE meter m JOIN household h ON h.id = m.household_id
SET m.household_search = CONCAT_WS(' ', h.room, h.name,
    (SELECT GROUP_CONCAT(p.phone ORDER BY p.position SEPARATOR ' ') FROM household_phone p WHERE p.household_id = h.id));
