-- Grantflow's own tables. Flowable creates and upgrades its ACT_* tables itself.
-- The statements run unchanged on H2 (MariaDB mode) and MariaDB.

CREATE TABLE person (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    manager_id    BIGINT,
    admin         BOOLEAN NOT NULL DEFAULT FALSE,
    password_hash VARCHAR(200),
    created_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_person_email UNIQUE (email),
    CONSTRAINT fk_person_manager FOREIGN KEY (manager_id) REFERENCES person (id)
);

CREATE TABLE application (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    template             VARCHAR(40) NOT NULL,
    draft_settings_id    BIGINT,
    published_settings_id BIGINT,
    created_at           TIMESTAMP(6) NOT NULL,
    updated_at           TIMESTAMP(6) NOT NULL,
    version              BIGINT NOT NULL
);

-- One row per saved draft and per published version of an application's settings.
-- Published rows are never changed, so they form the version history.
CREATE TABLE application_settings (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id        BIGINT NOT NULL,
    version_number        INT,
    name                  VARCHAR(120) NOT NULL,
    description           VARCHAR(2000) NOT NULL,
    owner_id              BIGINT,
    fulfillment_enabled   BOOLEAN NOT NULL,
    approver_type         VARCHAR(40) NOT NULL,
    base_uri              VARCHAR(500),
    api_key_sealed        VARCHAR(4000),
    groups_object_id      VARCHAR(200),
    oauth_enabled         BOOLEAN NOT NULL,
    token_url             VARCHAR(500),
    client_id             VARCHAR(500),
    client_secret_sealed  VARCHAR(4000),
    saved_by              BIGINT,
    saved_at              TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_settings_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_settings_owner FOREIGN KEY (owner_id) REFERENCES person (id)
);

ALTER TABLE application ADD CONSTRAINT fk_application_draft
    FOREIGN KEY (draft_settings_id) REFERENCES application_settings (id);
ALTER TABLE application ADD CONSTRAINT fk_application_published
    FOREIGN KEY (published_settings_id) REFERENCES application_settings (id);

CREATE TABLE access_request (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    requester_id       BIGINT NOT NULL,
    application_id     BIGINT NOT NULL,
    application_name   VARCHAR(120) NOT NULL,
    justification      VARCHAR(2000) NOT NULL,
    approver_type      VARCHAR(40) NOT NULL,
    status             VARCHAR(30) NOT NULL,
    status_detail      VARCHAR(1000),
    scim_user_id       VARCHAR(200),
    -- "<requester id>:<application id>" while the request is open, NULL once it is closed, so the
    -- unique key allows one open request per person and application.
    open_key           VARCHAR(60),
    created_at         TIMESTAMP(6) NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT uk_request_open UNIQUE (open_key),
    CONSTRAINT fk_request_requester FOREIGN KEY (requester_id) REFERENCES person (id),
    CONSTRAINT fk_request_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_request_requester ON access_request (requester_id, created_at);
CREATE INDEX ix_request_status ON access_request (status);

CREATE TABLE request_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id  BIGINT NOT NULL,
    occurred_at TIMESTAMP(6) NOT NULL,
    actor_id    BIGINT,
    actor_name  VARCHAR(200) NOT NULL,
    type        VARCHAR(40) NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    CONSTRAINT fk_event_request FOREIGN KEY (request_id) REFERENCES access_request (id)
);
CREATE INDEX ix_event_request ON request_event (request_id, occurred_at);

-- Access and refresh tokens of an application's target connection, sealed with AES-GCM.
CREATE TABLE app_connection (
    application_id         BIGINT PRIMARY KEY,
    refresh_token_sealed   VARCHAR(4000),
    access_token_sealed    VARCHAR(4000),
    access_token_expires_at TIMESTAMP(6),
    status                 VARCHAR(30) NOT NULL,
    status_detail          VARCHAR(1000),
    updated_at             TIMESTAMP(6) NOT NULL,
    version                BIGINT NOT NULL,
    CONSTRAINT fk_connection_application FOREIGN KEY (application_id) REFERENCES application (id)
);
