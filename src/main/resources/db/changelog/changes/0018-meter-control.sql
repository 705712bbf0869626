--liquibase formatted sql

--changeset jichao:0018-meter-control
-- Relay commands (issue 6 item 4, relay truth): one row per command once its read-back is done,
-- whoever sent it (an operator, the gentle cut-off job). observed_open / keep_power are what status
-- word 3 said at the last read-back (NULL: not read at all); outcome VERIFIED, MISMATCH or UNREACHABLE.
CREATE TABLE relay_command (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    meter_id BIGINT NOT NULL,
    command VARCHAR(24) NOT NULL,
    reason VARCHAR(20) NOT NULL,
    requested_by VARCHAR(50) NOT NULL,
    requested_at TIMESTAMP(3) NOT NULL,
    finished_at TIMESTAMP(3) NOT NULL,
    expected_open BOOLEAN NOT NULL,
    observed_open BOOLEAN NULL,
    keep_power BOOLEAN NULL,
    attempts INT NOT NULL,
    outcome VARCHAR(12) NOT NULL,
    detail VARCHAR(500) NULL,
    CONSTRAINT fk_relay_command_meter FOREIGN KEY (meter_id) REFERENCES meter (id)
);
CREATE INDEX ix_relay_command_meter ON relay_command (meter_id, id);

-- Overload parameters (issue 6 item 2, R10): what the meter should hold (desired), what was last
-- written to it and what its read-back said (verified). A job writes PENDING and WRITTEN rows
-- whose next_attempt_at is due; WRITTEN means acknowledged but not yet read back.
CREATE TABLE meter_overload_setting (
    meter_id BIGINT NOT NULL PRIMARY KEY,
    desired_max_power_kw DECIMAL(8,4) NOT NULL,
    desired_sudden_power_kw DECIMAL(8,4) NOT NULL,
    written_max_power_kw DECIMAL(8,4) NULL,
    written_sudden_power_kw DECIMAL(8,4) NULL,
    verified_max_power_kw DECIMAL(8,4) NULL,
    verified_sudden_power_kw DECIMAL(8,4) NULL,
    state VARCHAR(10) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    last_error VARCHAR(300) NULL,
    next_attempt_at TIMESTAMP(3) NOT NULL,
    requested_by VARCHAR(50) NOT NULL,
    requested_at TIMESTAMP(3) NOT NULL,
    finished_at TIMESTAMP(3) NULL,
    CONSTRAINT fk_overload_setting_meter FOREIGN KEY (meter_id) REFERENCES meter (id)
);
CREATE INDEX ix_overload_setting_due ON meter_overload_setting (state, next_attempt_at);

-- Gentle cut-off (issue 5 item 8): when arrears may cut a household's power. One row (id 1):
-- daily windows "HH:mm-HH:mm" separated by commas, in Asia/Shanghai; weekends allowed or not.
CREATE TABLE friendly_hours (
    id INT NOT NULL PRIMARY KEY,
    windows VARCHAR(200) NOT NULL,
    weekends_allowed BOOLEAN NOT NULL,
    updated_by VARCHAR(50) NULL,
    updated_at TIMESTAMP(3) NULL
);
INSERT INTO friendly_hours (id, windows, weekends_allowed) VALUES (1, '08:00-17:00', FALSE);

-- Days without cut-off (public holidays), Asia/Shanghai dates.
CREATE TABLE friendly_holiday (
    day DATE NOT NULL PRIMARY KEY,
    note VARCHAR(100) NULL
);

-- Meters the engine holds in keep-power outside friendly time, and why; a row goes once the
-- release is verified at the start of friendly time.
CREATE TABLE relay_hold (
    meter_id BIGINT NOT NULL PRIMARY KEY,
    held_at TIMESTAMP(3) NOT NULL,
    remaining_kwh DECIMAL(10,2) NOT NULL,
    threshold_kwh DECIMAL(10,2) NOT NULL,
    why VARCHAR(200) NOT NULL,
    release_attempts INT NOT NULL DEFAULT 0,
    last_error VARCHAR(300) NULL,
    CONSTRAINT fk_relay_hold_meter FOREIGN KEY (meter_id) REFERENCES meter (id)
);
