--liquibase formatted sql

--changeset jichao:0021-statements
-- Scheduled reports (issue 7 item 4): an operator (FINANCE) subscribes to a report contributed by a
-- feature (SubscribableReport.key()); the job renders it with the operator's rights for the period
-- before the run and mails it to the recipients.
CREATE TABLE report_subscription (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    operator_id BIGINT NOT NULL,
    report_key VARCHAR(64) NOT NULL,
    -- Comma-separated e-mail addresses, validated by the service.
    recipients VARCHAR(1000) NOT NULL,
    locale VARCHAR(16) NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP(3) NOT NULL,
    last_run_at TIMESTAMP(3) NULL,
    last_outcome VARCHAR(16) NULL,
    last_error VARCHAR(500) NULL,
    CONSTRAINT fk_report_subscription_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT uk_report_subscription UNIQUE (operator_id, report_key)
);

-- One row per subscription and period: the primary key makes "once per period" a database fact.
-- SENDING is taken under the row lock before the mail goes out, SENT after the SMTP server accepted
-- it; FAILED is retried by later runs until max attempts.
CREATE TABLE report_delivery (
    subscription_id BIGINT NOT NULL,
    period_start DATE NOT NULL,
    state VARCHAR(16) NOT NULL,
    attempts INT NOT NULL,
    last_attempt_at TIMESTAMP(3) NOT NULL,
    sent_at TIMESTAMP(3) NULL,
    error VARCHAR(500) NULL,
    PRIMARY KEY (subscription_id, period_start),
    CONSTRAINT fk_report_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES report_subscription (id)
        ON DELETE CASCADE
);
