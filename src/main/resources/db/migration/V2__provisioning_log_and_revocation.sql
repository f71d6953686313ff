-- Every SCIM and token call made for a request, with secrets already redacted.
CREATE TABLE provisioning_call (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id   BIGINT NOT NULL,
    called_at    TIMESTAMP(6) NOT NULL,
    method       VARCHAR(10) NOT NULL,
    path         VARCHAR(1000) NOT NULL,
    status       INT NOT NULL,
    duration_ms  BIGINT NOT NULL,
    error_code   VARCHAR(100),
    message      VARCHAR(2000) NOT NULL,
    CONSTRAINT fk_call_request FOREIGN KEY (request_id) REFERENCES access_request (id)
);
CREATE INDEX ix_call_request ON provisioning_call (request_id, called_at);

-- Attempts of the current provisioning or revocation run, for the failure queue.
ALTER TABLE access_request ADD COLUMN attempts INT NOT NULL DEFAULT 0;

-- What revoking access does in a generic SCIM application: leave the group only, or also deactivate.
ALTER TABLE application_settings ADD COLUMN revoke_mode VARCHAR(30) NOT NULL DEFAULT 'DEACTIVATE_USER';
