--liquibase formatted sql

--changeset jichao:0017-fault-map
-- Fault map (R6): one floor plan per floor, an SVG (sanitised on upload, shown only as an image) or
-- a PNG, validated by its content and stored with its natural size in pixels. Meters keep their
-- place on the plan in meter.plan_x/plan_y (fractions 0..1 of width and height); a collector, which
-- belongs to a building but to no floor, gets its place here, on one floor.
CREATE TABLE floor_plan (
    floor_id BIGINT PRIMARY KEY,
    format VARCHAR(8) NOT NULL,
    width INT NOT NULL,
    height INT NOT NULL,
    content MEDIUMBLOB NOT NULL,
    file_name VARCHAR(255) NULL,
    uploaded_at TIMESTAMP(3) NOT NULL,
    uploaded_by VARCHAR(50) NOT NULL,
    CONSTRAINT fk_floor_plan_floor FOREIGN KEY (floor_id) REFERENCES floor (id)
);

CREATE TABLE collector_plan_position (
    collector_id BIGINT PRIMARY KEY,
    floor_id BIGINT NOT NULL,
    plan_x DECIMAL(6,5) NOT NULL,
    plan_y DECIMAL(6,5) NOT NULL,
    CONSTRAINT fk_collector_position_collector FOREIGN KEY (collector_id) REFERENCES collector (id),
    CONSTRAINT fk_collector_position_floor FOREIGN KEY (floor_id) REFERENCES floor (id)
);
CREATE INDEX ix_collector_position_floor ON collector_plan_position (floor_id);
