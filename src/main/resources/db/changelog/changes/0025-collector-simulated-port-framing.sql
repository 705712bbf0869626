--liquibase formatted sql

--changeset jichao:0025-collector-simulated-port-framing
-- A collector is simulated only when the archive says so: the built-in simulator plays those and
-- never a real one (issue 12). Existing rows are real collectors until an administrator says
-- otherwise. A serial port is configured as the DH600 does it: baud, data bits, parity, stop
-- bits (8E1 for DL/T 645, issue 13); existing ports keep the 8 data bits and 1 stop bit they had.
ALTER TABLE collector ADD COLUMN simulated BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE serial_port ADD COLUMN data_bits INT NOT NULL DEFAULT 8;
ALTER TABLE serial_port ADD COLUMN stop_bits INT NOT NULL DEFAULT 1;
