--liquibase formatted sql

--changeset jichao:0030-meter-capability-coverage
-- What a meter refuses (issue 13): the DL/T 645 identifiers it answered with "no requested
-- data", re-asked at most once per re-probe period (jichao.collection.capability.reprobe), so a
-- restart does not learn every meter again. Owned by collection.
CREATE TABLE meter_capability (
    meter_id BIGINT NOT NULL,
    data_item VARCHAR(8) NOT NULL,
    refused_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (meter_id, data_item)
);
-- Item coverage of a meter's last read: items that should have been stored and were not
-- (PARTIAL) and items the meter is known not to offer, as comma-separated reading item names.
ALTER TABLE meter_status ADD COLUMN missing_items VARCHAR(400) NULL;
ALTER TABLE meter_status ADD COLUMN unsupported_items VARCHAR(400) NULL;
-- A schedule run's coverage: meters read only partly, meters not reached, meters not included
-- (not in the engine's topology), with bounded lists of meter addresses and the missing items.
ALTER TABLE collection_schedule ADD COLUMN last_partial INT NULL;
ALTER TABLE collection_schedule ADD COLUMN last_not_included INT NULL;
ALTER TABLE collection_schedule ADD COLUMN last_partial_meters VARCHAR(1000) NULL;
ALTER TABLE collection_schedule ADD COLUMN last_unreached_meters VARCHAR(1000) NULL;
ALTER TABLE collection_schedule ADD COLUMN last_not_included_meters VARCHAR(1000) NULL;
ALTER TABLE collection_schedule ADD COLUMN last_missing_items VARCHAR(400) NULL;
