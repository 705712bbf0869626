--liquibase formatted sql

--changeset jichao:0019-emergency-credit
-- Emergency credit (issue 5 item 8): a household may take a fixed amount of energy once before
-- paying. It is a recharge order of payment method EMERGENCY (money 0) with an EMERGENCY_CREDIT
-- ledger entry; the next paid recharge repays it. This column is the part of a paid order's
-- purchased energy that repaid the credit instead of going to the meter: kwh + emergency_repaid_kwh
-- is what the household bought, kwh what the meter is sent.
ALTER TABLE recharge_order ADD COLUMN emergency_repaid_kwh DECIMAL(12,2) NOT NULL DEFAULT 0;
ALTER TABLE recharge_order ADD CONSTRAINT ck_recharge_order_repaid CHECK (emergency_repaid_kwh >= 0);
CREATE INDEX ix_recharge_order_account_method ON recharge_order (account_id, payment_method, id);
