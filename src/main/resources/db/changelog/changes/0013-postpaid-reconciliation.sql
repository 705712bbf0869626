--liquibase formatted sql

--changeset jichao:0013-postpaid-settlement
-- Post-paid monthly settlement (R3): one row per meter and Shanghai month, written in the same
-- transaction as its POSTPAID_SETTLEMENT ledger entry. The primary key makes a month settle once.
CREATE TABLE postpaid_settlement (
    meter_id BIGINT NOT NULL,
    month CHAR(7) NOT NULL,
    account_id BIGINT NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    kwh DECIMAL(12,2) NOT NULL,
    settled_at TIMESTAMP(3) NOT NULL,
    settled_by VARCHAR(50) NOT NULL,
    PRIMARY KEY (meter_id, month),
    CONSTRAINT fk_postpaid_settlement_meter FOREIGN KEY (meter_id) REFERENCES meter (id),
    CONSTRAINT fk_postpaid_settlement_account FOREIGN KEY (account_id) REFERENCES prepaid_account (id)
);
