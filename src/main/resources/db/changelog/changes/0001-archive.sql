--liquibase formatted sql

--changeset jichao:0001-archive
CREATE TABLE property_office (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT uk_property_office_name UNIQUE (name)
);

CREATE TABLE site (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    code VARCHAR(32) NOT NULL,
    CONSTRAINT uk_site_code UNIQUE (code)
);

CREATE TABLE building (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    site_id BIGINT NOT NULL,
    property_office_id BIGINT NULL,
    name VARCHAR(100) NOT NULL,
    code VARCHAR(32) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_building_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_building_office FOREIGN KEY (property_office_id) REFERENCES property_office (id),
    CONSTRAINT uk_building_code UNIQUE (site_id, code)
);

CREATE TABLE floor (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    building_id BIGINT NOT NULL,
    level INT NOT NULL,
    name VARCHAR(50) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_floor_building FOREIGN KEY (building_id) REFERENCES building (id),
    CONSTRAINT uk_floor_level UNIQUE (building_id, level)
);

CREATE TABLE distribution_box (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    floor_id BIGINT NOT NULL,
    building_id BIGINT NOT NULL,
    code VARCHAR(32) NOT NULL,
    name VARCHAR(100) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_box_floor FOREIGN KEY (floor_id) REFERENCES floor (id),
    CONSTRAINT fk_box_building FOREIGN KEY (building_id) REFERENCES building (id),
    CONSTRAINT uk_box_code UNIQUE (building_id, code)
);

CREATE TABLE collector (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    building_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    model VARCHAR(8) NOT NULL,
    connection_mode VARCHAR(16) NOT NULL,
    host VARCHAR(255) NULL,
    registration_id VARCHAR(64) NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_collector_building FOREIGN KEY (building_id) REFERENCES building (id),
    CONSTRAINT uk_collector_registration UNIQUE (registration_id)
);

CREATE TABLE serial_port (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    collector_id BIGINT NOT NULL,
    port_number INT NOT NULL,
    baud_rate INT NOT NULL,
    parity VARCHAR(8) NOT NULL,
    protocol VARCHAR(16) NOT NULL,
    tcp_port INT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_port_collector FOREIGN KEY (collector_id) REFERENCES collector (id),
    CONSTRAINT uk_port_number UNIQUE (collector_id, port_number)
);

CREATE TABLE household (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    building_id BIGINT NOT NULL,
    room VARCHAR(32) NOT NULL,
    name VARCHAR(100) NOT NULL,
    kiosk_pin_hash VARCHAR(100) NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_household_building FOREIGN KEY (building_id) REFERENCES building (id),
    CONSTRAINT uk_household_room UNIQUE (building_id, room)
);

CREATE TABLE household_phone (
    household_id BIGINT NOT NULL,
    position INT NOT NULL,
    phone VARCHAR(20) NOT NULL,
    PRIMARY KEY (household_id, position),
    CONSTRAINT fk_phone_household FOREIGN KEY (household_id) REFERENCES household (id) ON DELETE CASCADE
);
CREATE INDEX ix_household_phone ON household_phone (phone);

CREATE TABLE meter (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    address CHAR(12) NOT NULL,
    protocol VARCHAR(16) NOT NULL,
    phase VARCHAR(8) NOT NULL,
    building_id BIGINT NOT NULL,
    floor_id BIGINT NULL,
    box_id BIGINT NULL,
    serial_port_id BIGINT NULL,
    device_channel INT NULL,
    household_id BIGINT NULL,
    parent_meter_id BIGINT NULL,
    ct_ratio INT NOT NULL DEFAULT 1,
    pt_ratio INT NOT NULL DEFAULT 1,
    billing_mode VARCHAR(16) NOT NULL,
    max_power_kw DECIMAL(8,4) NULL,
    alarm_level1_kwh DECIMAL(10,2) NULL,
    alarm_level2_kwh DECIMAL(10,2) NULL,
    plan_x DECIMAL(6,5) NULL,
    plan_y DECIMAL(6,5) NULL,
    state VARCHAR(16) NOT NULL,
    removed_at TIMESTAMP(3) NULL,
    version BIGINT NOT NULL DEFAULT 0,
    -- An address (plus channel on a multi-user device) is unique on its bus among active meters;
    -- removed meters keep their rows and history, so the entity sets the key to NULL for them.
    bus_key VARCHAR(20) NULL,
    CONSTRAINT fk_meter_building FOREIGN KEY (building_id) REFERENCES building (id),
    CONSTRAINT fk_meter_floor FOREIGN KEY (floor_id) REFERENCES floor (id),
    CONSTRAINT fk_meter_box FOREIGN KEY (box_id) REFERENCES distribution_box (id),
    CONSTRAINT fk_meter_port FOREIGN KEY (serial_port_id) REFERENCES serial_port (id),
    CONSTRAINT fk_meter_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT fk_meter_parent FOREIGN KEY (parent_meter_id) REFERENCES meter (id),
    CONSTRAINT uk_meter_bus_key UNIQUE (serial_port_id, bus_key)
);
CREATE INDEX ix_meter_building_state ON meter (building_id, state, address);
CREATE INDEX ix_meter_box ON meter (box_id);
CREATE INDEX ix_meter_address ON meter (address);
CREATE INDEX ix_meter_floor ON meter (floor_id);
