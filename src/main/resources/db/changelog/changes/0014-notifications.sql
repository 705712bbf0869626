--liquibase formatted sql

--changeset jichao:0014-notifications
-- The SMS outbox (R11). One row per message to one number. The dispatcher claims due QUEUED rows
-- atomically (UPDATE ... SET state = 'SENDING', claim_token = ? WHERE state = 'QUEUED' ... LIMIT n),
-- so two processes can never send one row. QUEUED -> SENDING -> SENT -> DELIVERED, or back to
-- QUEUED with next_attempt_at pushed out (back-off, quiet hours, rate limit), or FAILED after the
-- last attempt. building_id/box_id place the message in a district for the outbox page.
CREATE TABLE notification (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    audience VARCHAR(12) NOT NULL,
    phone VARCHAR(20) NOT NULL,
    language VARCHAR(10) NOT NULL,
    template_key VARCHAR(80) NOT NULL,
    body VARCHAR(1000) NOT NULL,
    dedup_key VARCHAR(120) NOT NULL,
    alert_key VARCHAR(120) NULL,
    escalation_step INT NULL,
    urgent BOOLEAN NOT NULL DEFAULT FALSE,
    building_id BIGINT NULL,
    box_id BIGINT NULL,
    household_id BIGINT NULL,
    state VARCHAR(10) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(3) NOT NULL,
    claim_token CHAR(36) NULL,
    claimed_at TIMESTAMP(3) NULL,
    last_error VARCHAR(500) NULL,
    message_id VARCHAR(100) NULL,
    receipt VARCHAR(500) NULL,
    created_at TIMESTAMP(3) NOT NULL,
    sent_at TIMESTAMP(3) NULL,
    delivered_at TIMESTAMP(3) NULL,
    CONSTRAINT fk_notification_building FOREIGN KEY (building_id) REFERENCES building (id),
    CONSTRAINT fk_notification_household FOREIGN KEY (household_id) REFERENCES household (id)
);
CREATE INDEX ix_notification_due ON notification (state, next_attempt_at, id);
CREATE INDEX ix_notification_claim ON notification (claim_token);
CREATE INDEX ix_notification_phone_sent ON notification (phone, sent_at);
CREATE INDEX ix_notification_message ON notification (message_id);
CREATE INDEX ix_notification_building ON notification (building_id, id);
CREATE INDEX ix_notification_alert ON notification (alert_key);

-- De-duplication: one row per (dedup key, number); queuing takes its row lock and queues again
-- only when the last queue is older than the window, so concurrent callers cannot both queue.
CREATE TABLE notification_dedup (
    dedup_key VARCHAR(120) NOT NULL,
    phone VARCHAR(20) NOT NULL,
    last_queued_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (dedup_key, phone)
);

-- Delivery receipts as the gateway sent them (SMPP deliver_sm), kept even when no row matches
-- yet: a receipt can arrive before the sender has stored the message id.
CREATE TABLE notification_receipt (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id VARCHAR(100) NOT NULL,
    status VARCHAR(20) NOT NULL,
    delivered BOOLEAN NOT NULL,
    text VARCHAR(500) NULL,
    received_at TIMESTAMP(3) NOT NULL
);
CREATE INDEX ix_notification_receipt_message ON notification_receipt (message_id);

-- The district managers' numbers, per building, in escalation order (position 0 first).
CREATE TABLE notification_contact (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    building_id BIGINT NOT NULL,
    position INT NOT NULL,
    name VARCHAR(100) NOT NULL,
    phone VARCHAR(20) NOT NULL,
    language VARCHAR(10) NOT NULL,
    CONSTRAINT fk_notification_contact_building FOREIGN KEY (building_id) REFERENCES building (id),
    CONSTRAINT uk_notification_contact_position UNIQUE (building_id, position)
);

-- An alert (e.g. one alarm occurrence) going down its building's contact list: the next contact
-- is queued at escalate_at until somebody acknowledges. alert_key is the caller's, unique.
CREATE TABLE notification_alert (
    alert_key VARCHAR(120) PRIMARY KEY,
    building_id BIGINT NOT NULL,
    box_id BIGINT NULL,
    template_key VARCHAR(80) NOT NULL,
    template_values VARCHAR(2000) NOT NULL,
    urgent BOOLEAN NOT NULL,
    step INT NOT NULL,
    state VARCHAR(12) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    escalate_at TIMESTAMP(3) NULL,
    acknowledged_at TIMESTAMP(3) NULL,
    acknowledged_by VARCHAR(50) NULL,
    CONSTRAINT fk_notification_alert_building FOREIGN KEY (building_id) REFERENCES building (id)
);
CREATE INDEX ix_notification_alert_due ON notification_alert (state, escalate_at);
