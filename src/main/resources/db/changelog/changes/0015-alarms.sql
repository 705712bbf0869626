--liquibase formatted sql

--changeset jichao:0015-alarms
-- Alarms (R6, R17): one row per occurrence of a condition on a meter, port or collector, with its
-- lifecycle RAISED -> ACKNOWLEDGED -> CLEARED. While an alarm is not cleared its active_key
-- (kind + subject, e.g. "LOW_REMAINING_1:meter:42") is set and unique, so a condition that stays
-- true is one alarm (occurrences and last_seen_at grow), never a storm of rows. Clearing sets
-- active_key to NULL and keeps the row as history. Severity ALARM is yellow, FAULT red; a subject
-- without an active alarm is green (NORMAL).
CREATE TABLE alarm (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(40) NOT NULL,
    severity VARCHAR(10) NOT NULL,
    state VARCHAR(12) NOT NULL,
    meter_id BIGINT NULL,
    serial_port_id BIGINT NULL,
    collector_id BIGINT NULL,
    active_key VARCHAR(120) NULL,
    -- What was seen, for people (values, thresholds); the kind is the machine meaning.
    detail VARCHAR(500) NULL,
    raised_at TIMESTAMP(3) NOT NULL,
    last_seen_at TIMESTAMP(3) NOT NULL,
    occurrences INT NOT NULL DEFAULT 1,
    acknowledged_at TIMESTAMP(3) NULL,
    acknowledged_by VARCHAR(50) NULL,
    cleared_at TIMESTAMP(3) NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_alarm_active_key UNIQUE (active_key),
    CONSTRAINT fk_alarm_meter FOREIGN KEY (meter_id) REFERENCES meter (id),
    CONSTRAINT fk_alarm_port FOREIGN KEY (serial_port_id) REFERENCES serial_port (id),
    CONSTRAINT fk_alarm_collector FOREIGN KEY (collector_id) REFERENCES collector (id)
);
CREATE INDEX ix_alarm_meter_state ON alarm (meter_id, state);
CREATE INDEX ix_alarm_collector_state ON alarm (collector_id, state);
CREATE INDEX ix_alarm_state_raised ON alarm (state, raised_at);
