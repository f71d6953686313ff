-- The audit log: who changed configuration, published, decided, revoked or retried what, and with which
-- outcome. Grantflow only inserts rows, and nothing in the application updates or deletes them.
-- Names are copied into each row and there are no foreign keys, so a row outlives the people and
-- applications it names. The statements run unchanged on H2 and MariaDB.

CREATE TABLE audit_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at TIMESTAMP(6) NOT NULL,
    -- NULL when Grantflow acted by itself, such as a provisioning job.
    actor_id    BIGINT,
    actor_name  VARCHAR(200) NOT NULL,
    action      VARCHAR(60) NOT NULL,
    target_type VARCHAR(40) NOT NULL,
    target_id   VARCHAR(60) NOT NULL,
    target_name VARCHAR(200) NOT NULL,
    outcome     VARCHAR(20) NOT NULL,
    detail      VARCHAR(2000) NOT NULL
);
CREATE INDEX ix_audit_occurred ON audit_event (occurred_at, id);
CREATE INDEX ix_audit_action ON audit_event (action, occurred_at);
