--liquibase formatted sql

--changeset jichao:0007-collection-schedules
-- Reading schedules (issue item "Cycles"): what to read (ReadingItem names, comma separated),
-- when (every interval_minutes counted from the end of the previous run, or daily at daily_at in
-- Asia/Shanghai local time: exactly one of the two), and which collectors (collection_schedule_collector;
-- no row = every enabled collector). The last run and the next run are kept here so every process
-- of an installation sees them; next_run_at NULL = not planned yet (an interval schedule then runs
-- at once, a daily one is planned for its next time of day).
CREATE TABLE collection_schedule (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    items VARCHAR(400) NOT NULL,
    interval_minutes INT NULL,
    daily_at TIME NULL,
    last_started_at TIMESTAMP(3) NULL,
    last_finished_at TIMESTAMP(3) NULL,
    last_total INT NULL,
    last_succeeded INT NULL,
    last_failed INT NULL,
    next_run_at TIMESTAMP(3) NULL,
    CONSTRAINT ck_collection_schedule_timing CHECK ((interval_minutes IS NULL) <> (daily_at IS NULL)),
    CONSTRAINT ck_collection_schedule_interval CHECK (interval_minutes IS NULL OR interval_minutes BETWEEN 1 AND 1440)
);

-- No cascade on purpose: a group schedule losing its last collector would silently cover all.
CREATE TABLE collection_schedule_collector (
    schedule_id BIGINT NOT NULL,
    collector_id BIGINT NOT NULL,
    PRIMARY KEY (schedule_id, collector_id),
    CONSTRAINT fk_schedule_collector_schedule FOREIGN KEY (schedule_id) REFERENCES collection_schedule (id),
    CONSTRAINT fk_schedule_collector_collector FOREIGN KEY (collector_id) REFERENCES collector (id)
);

-- The defaults of the issue, for every collector.
INSERT INTO collection_schedule (name, enabled, items, interval_minutes, daily_at) VALUES
    ('电能与剩余电量', TRUE, 'ACTIVE_ENERGY,REVERSE_ENERGY,REMAINING_ENERGY,METER_TIME', 15, NULL),
    ('瞬时量', TRUE, 'VOLTAGE_A,VOLTAGE_B,VOLTAGE_C,CURRENT_A,CURRENT_B,CURRENT_C,ACTIVE_POWER,POWER_FACTOR', 5, NULL),
    ('水表', TRUE, 'WATER_VOLUME', 15, NULL),
    ('日冻结', TRUE, 'DAILY_FREEZE', NULL, '00:15:00');
