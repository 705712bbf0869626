--liquibase formatted sql

--changeset jichao:0004-readings
-- Readings are append-only (R2): never updated, never deleted by the application.
-- meter_id has no foreign key on purpose: the engine writes in batches from a buffer that may hold
-- readings of a meter removed meanwhile (removal only changes the meter's state, but a batch must
-- never fail as a whole because of one row).
CREATE TABLE reading (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    meter_id BIGINT NOT NULL,
    item VARCHAR(24) NOT NULL,
    value DECIMAL(18, 4) NOT NULL,
    meter_time DATETIME NULL,
    read_at TIMESTAMP(3) NOT NULL,
    source VARCHAR(12) NOT NULL
);
CREATE INDEX ix_reading_meter_item_time ON reading (meter_id, item, read_at);

-- The latest state of reading each meter (R6): one row per meter, overwritten after each attempt.
CREATE TABLE meter_status (
    meter_id BIGINT NOT NULL PRIMARY KEY,
    last_attempt_at TIMESTAMP(3) NULL,
    last_success_at TIMESTAMP(3) NULL,
    consecutive_failures INT NOT NULL DEFAULT 0,
    last_error VARCHAR(200) NULL
);
