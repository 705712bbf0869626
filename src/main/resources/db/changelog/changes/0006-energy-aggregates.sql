--liquibase formatted sql

--changeset jichao:0006-energy-aggregates
-- Energy aggregates for reports: per meter and interval the CLOSING value of the forward active
-- energy register (ACTIVE_ENERGY), i.e. the last value taken in the interval, where a value taken
-- exactly on the boundary (hh:00:00, as freezes are) closes the interval that ends there.
-- Usage of an interval = its closing value - the previous interval's closing value, only when both
-- rows exist: a missing row means a missing interval, never zero. Rows are kept up to date by the
-- reading writer and the back-fill store in the transaction that stores the readings, with an
-- upsert that keeps the later value (out-of-order and back-filled arrivals). Retention never
-- deletes them. Higher levels (household, box, floor, building; month, year) are sums over meters
-- and intervals computed by the reports from these rows.
--
-- energy_hourly.hour_start: UTC start of the hour; taken_at: UTC instant of the register value.
CREATE TABLE energy_hourly (
    meter_id BIGINT NOT NULL,
    hour_start DATETIME NOT NULL,
    register_kwh DECIMAL(18, 4) NOT NULL,
    taken_at DATETIME(3) NOT NULL,
    backfilled BOOLEAN NOT NULL,
    PRIMARY KEY (meter_id, hour_start)
);

-- energy_daily.day: the calendar day in Asia/Shanghai (00:00 CST = 16:00 UTC of the day before).
CREATE TABLE energy_daily (
    meter_id BIGINT NOT NULL,
    day DATE NOT NULL,
    register_kwh DECIMAL(18, 4) NOT NULL,
    taken_at DATETIME(3) NOT NULL,
    backfilled BOOLEAN NOT NULL,
    PRIMARY KEY (meter_id, day)
);
