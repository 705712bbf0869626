--liquibase formatted sql

--changeset jichao:0022-kiosk
-- Registered kiosk terminals (issue 8). The device token is shown once when issued; only its
-- SHA-256 is kept (the token is 256 random bits, so a fast hash is safe and can be looked up).
-- failed_pins / locked_until throttle PIN guessing per device, across households.
CREATE TABLE kiosk_device (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    building_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    token_hash CHAR(64) NOT NULL,
    issued_by VARCHAR(50) NOT NULL,
    issued_at TIMESTAMP(3) NOT NULL,
    revoked_by VARCHAR(50) NULL,
    revoked_at TIMESTAMP(3) NULL,
    failed_pins INT NOT NULL DEFAULT 0,
    locked_until TIMESTAMP(3) NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_kiosk_device_building FOREIGN KEY (building_id) REFERENCES building (id),
    CONSTRAINT uk_kiosk_device_token UNIQUE (token_hash)
);
CREATE INDEX ix_kiosk_device_building ON kiosk_device (building_id);

-- Failed PIN attempts per household (the PIN hash itself is household.kiosk_pin_hash).
CREATE TABLE kiosk_pin_lock (
    household_id BIGINT NOT NULL PRIMARY KEY,
    failed_attempts INT NOT NULL DEFAULT 0,
    locked_until TIMESTAMP(3) NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_kiosk_pin_lock_household FOREIGN KEY (household_id) REFERENCES household (id)
);
