--liquibase formatted sql

--changeset jichao:0032-host-prepaid
-- Host-side prepaid (主站费控): how far each HOST_PREPAID meter's stored energy readings have been
-- debited to its household's ledger. Written in the same transaction as the HOST_DEBIT ledger entry,
-- so a reading is debited exactly once: a re-delivered or older reading lies at or before read_at.
CREATE TABLE host_debit (
    meter_id BIGINT PRIMARY KEY,
    -- The last debited forward active register (kWh, before CT x PT) and its reading's time.
    register_kwh DECIMAL(18, 4) NOT NULL,
    read_at TIMESTAMP(3) NOT NULL,
    -- Stepped tariffs: the Shanghai month of read_at and the energy (after CT x PT) debited in it.
    usage_month CHAR(7) NOT NULL,
    month_kwh DECIMAL(18, 4) NOT NULL DEFAULT 0,
    -- Cost of all debited energy, exact, and what the ledger has been debited (its rounding), so
    -- fractions of a fen are carried to the next debit instead of lost.
    cost_exact DECIMAL(24, 8) NOT NULL DEFAULT 0,
    cost_debited DECIMAL(14, 2) NOT NULL DEFAULT 0,
    -- Whether the engine has tripped the relay for no balance (verified by read-back).
    relay_open BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_host_debit_meter FOREIGN KEY (meter_id) REFERENCES meter (id)
);
