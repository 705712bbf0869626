--liquibase formatted sql

--changeset jichao:0033-alarm-sms-groups
-- Manager SMS for alarm storms (issue 17 item 6): alarms of one kind in one building within
-- jichao.alarms.sms.group-window become one group and one alert ("B座: 37 块电表时钟偏差, 最早 …").
-- A group opens at its first alarm and is sent when the window has passed (sent_at, alert_key);
-- its alert is acknowledged once none of its alarms is still raised.
CREATE TABLE alarm_sms_group (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    building_id BIGINT NOT NULL,
    kind VARCHAR(40) NOT NULL,
    opened_at TIMESTAMP(3) NOT NULL,
    sent_at TIMESTAMP(3) NULL,
    alert_key VARCHAR(120) NULL,
    CONSTRAINT fk_alarm_sms_group_building FOREIGN KEY (building_id) REFERENCES building (id)
);
CREATE INDEX ix_alarm_sms_group_open ON alarm_sms_group (building_id, kind, sent_at);
CREATE INDEX ix_alarm_sms_group_due ON alarm_sms_group (sent_at, opened_at);

CREATE TABLE alarm_sms_group_member (
    group_id BIGINT NOT NULL,
    alarm_id BIGINT NOT NULL,
    PRIMARY KEY (group_id, alarm_id),
    CONSTRAINT uk_alarm_sms_group_member_alarm UNIQUE (alarm_id),
    CONSTRAINT fk_alarm_sms_group_member_group FOREIGN KEY (group_id) REFERENCES alarm_sms_group (id),
    CONSTRAINT fk_alarm_sms_group_member_alarm FOREIGN KEY (alarm_id) REFERENCES alarm (id)
);
