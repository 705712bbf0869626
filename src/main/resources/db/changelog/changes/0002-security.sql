--liquibase formatted sql

--changeset jichao:0002-security
CREATE TABLE operator (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(50) NOT NULL,
    display_name VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    whole_site BOOLEAN NOT NULL DEFAULT FALSE,
    failed_logins INT NOT NULL DEFAULT 0,
    locked_until TIMESTAMP(3) NULL,
    property_office_id BIGINT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_operator_username UNIQUE (username),
    CONSTRAINT fk_operator_office FOREIGN KEY (property_office_id) REFERENCES property_office (id)
);

CREATE TABLE operator_role (
    operator_id BIGINT NOT NULL,
    role VARCHAR(32) NOT NULL,
    PRIMARY KEY (operator_id, role),
    CONSTRAINT fk_role_operator FOREIGN KEY (operator_id) REFERENCES operator (id) ON DELETE CASCADE
);

CREATE TABLE operator_district_building (
    operator_id BIGINT NOT NULL,
    building_id BIGINT NOT NULL,
    PRIMARY KEY (operator_id, building_id),
    CONSTRAINT fk_district_building_operator FOREIGN KEY (operator_id) REFERENCES operator (id) ON DELETE CASCADE,
    CONSTRAINT fk_district_building FOREIGN KEY (building_id) REFERENCES building (id)
);

CREATE TABLE operator_district_box (
    operator_id BIGINT NOT NULL,
    box_id BIGINT NOT NULL,
    PRIMARY KEY (operator_id, box_id),
    CONSTRAINT fk_district_box_operator FOREIGN KEY (operator_id) REFERENCES operator (id) ON DELETE CASCADE,
    CONSTRAINT fk_district_box FOREIGN KEY (box_id) REFERENCES distribution_box (id)
);

-- Every money, relay, parameter and administrative action: who, when, what, result (R2).
CREATE TABLE audit_event (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at TIMESTAMP(3) NOT NULL,
    operator_username VARCHAR(50) NOT NULL,
    action VARCHAR(64) NOT NULL,
    target VARCHAR(255) NULL,
    details VARCHAR(2000) NULL,
    outcome VARCHAR(16) NOT NULL
);
CREATE INDEX ix_audit_time ON audit_event (occurred_at);

CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at TIMESTAMP(3) NOT NULL,
    locked_by VARCHAR(255) NOT NULL
);
