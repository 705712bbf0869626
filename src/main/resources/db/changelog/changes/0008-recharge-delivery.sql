--liquibase formatted sql

--changeset jichao:0008-recharge-delivery
-- The engine's side of delivering a recharge order to its meter (EngineRechargeDelivery). The
-- meter's purchase count and remaining energy are stored here BEFORE the recharge is written, so
-- any later attempt (after a timeout, a dropped link or a restart) first reads the count again and
-- knows whether the write already landed: a count above purchase_count_before means "credited,
-- never write again". The "after" figures are the read-back that confirmed the order.
CREATE TABLE recharge_delivery (
    order_id BIGINT PRIMARY KEY,
    meter_id BIGINT NOT NULL,
    purchase_count_before INT NULL,
    remaining_before DECIMAL(12,2) NULL,
    purchase_count_after INT NULL,
    remaining_after DECIMAL(12,2) NULL,
    attempts INT NOT NULL DEFAULT 0,
    writes INT NOT NULL DEFAULT 0,
    last_attempt_at TIMESTAMP(3) NULL,
    last_error VARCHAR(255) NULL,
    CONSTRAINT fk_recharge_delivery_order FOREIGN KEY (order_id) REFERENCES recharge_order (id),
    CONSTRAINT fk_recharge_delivery_meter FOREIGN KEY (meter_id) REFERENCES meter (id)
);
CREATE INDEX ix_recharge_delivery_meter ON recharge_delivery (meter_id, order_id);
