--liquibase formatted sql

--changeset jichao:0034-audit-filters
-- The audit page filters by action (finance: the money actions) and by operator, newest first.
CREATE INDEX ix_audit_action_time ON audit_event (action, occurred_at);
CREATE INDEX ix_audit_operator_time ON audit_event (operator_username, occurred_at);
