--liquibase formatted sql

--changeset jichao:0009-handheld-tasks
-- Offline delivery with a handheld unit (R4). The site's identity and signing key for handheld
-- files, created on first use when jichao.prepaid.handheld.secret is not set (one row, id 1).
CREATE TABLE handheld_site (
    id INT PRIMARY KEY,
    site_id VARCHAR(36) NOT NULL,
    secret VARCHAR(128) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL
);

-- One exported task file. OPEN until its result file is imported; result_digest (SHA-256 of the
-- imported file) lets a second import of the same file be told apart from another file.
CREATE TABLE handheld_task (
    id VARCHAR(36) PRIMARY KEY,
    state VARCHAR(8) NOT NULL,
    row_count INT NOT NULL,
    created_by VARCHAR(50) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    closed_by VARCHAR(50) NULL,
    closed_at TIMESTAMP(3) NULL,
    result_digest VARCHAR(64) NULL,
    confirmed INT NULL,
    failed INT NULL
);
CREATE INDEX ix_handheld_task_created ON handheld_task (created_at);

-- The orders of a task, with the row number they have in the task file.
CREATE TABLE handheld_task_order (
    task_id VARCHAR(36) NOT NULL,
    order_id BIGINT NOT NULL,
    position INT NOT NULL,
    meter_address VARCHAR(32) NOT NULL,
    PRIMARY KEY (task_id, order_id),
    CONSTRAINT fk_handheld_task_order_task FOREIGN KEY (task_id) REFERENCES handheld_task (id),
    CONSTRAINT fk_handheld_task_order_order FOREIGN KEY (order_id) REFERENCES recharge_order (id)
);
CREATE INDEX ix_handheld_task_order_order ON handheld_task_order (order_id);

-- Set while an order is with a handheld: the engine does not pick it up and cannot mark it SENT,
-- and it cannot be cancelled, until the task's result file releases it.
ALTER TABLE recharge_order ADD COLUMN handheld_task_id VARCHAR(36) NULL;
ALTER TABLE recharge_order ADD CONSTRAINT fk_recharge_order_handheld_task
    FOREIGN KEY (handheld_task_id) REFERENCES handheld_task (id);
