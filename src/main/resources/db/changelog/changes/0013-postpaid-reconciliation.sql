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

--changeset jichao:0013-reconciliation-finding
-- Daily prepaid reconciliation (R3): per PREPAID meter whose ledger and meter figures disagree,
-- what the ledger credited (confirmed orders' RECHARGE/REVERSAL/REFUND kWh) against what the meter
-- reported in recharge_delivery (remaining energy and purchase count read before and after each
-- write). A re-run of a day replaces that day's findings for the meters it covered.
CREATE TABLE reconciliation_finding (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_day DATE NOT NULL,
    meter_id BIGINT NOT NULL,
    confirmed_orders INT NOT NULL,
    ledger_kwh DECIMAL(12,2) NOT NULL,
    meter_kwh DECIMAL(12,2) NULL,
    meter_purchases INT NULL,
    found_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT uk_reconciliation_finding UNIQUE (run_day, meter_id),
    CONSTRAINT fk_reconciliation_finding_meter FOREIGN KEY (meter_id) REFERENCES meter (id)
);
CREATE INDEX ix_reconciliation_finding_day ON reconciliation_finding (run_day);
